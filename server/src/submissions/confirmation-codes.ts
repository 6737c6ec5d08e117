import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

/** How long a code works, and how many wrong tries it takes before a new one is needed. */
export const codeLifetimeMs = 30 * 60 * 1000;
export const codeMaxAttempts = 5;

/** Too many codes asked for, for one recipient or from one address: wait, or use the assisted route. */
export class TooManyCodesError extends AppError {
  override name = 'TooManyCodesError';
  constructor() {
    super(
      429,
      'too_many_codes',
      'Too many confirmation codes have been sent to this email address or phone number, or asked for from this address. Try again later, or phone or visit us.',
    );
  }
}

/** Where a code goes: the first of the resident's email and mobile. */
export interface CodeRecipient {
  channel: 'email' | 'sms';
  to: string;
}

// Phone numbers are kept in international form: a UK mobile starts +447; a number abroad may be a mobile.
const textable = (phone: string) => /^\+447\d{9}$/.test(phone) || (phone.startsWith('+') && !phone.startsWith('+44'));

/** The resident's contact for codes, email first, else a mobile; undefined when they gave neither. */
export function codeRecipient(answers: Record<string, unknown>): CodeRecipient | undefined {
  if (typeof answers.email === 'string' && answers.email !== '') return { channel: 'email', to: answers.email };
  if (typeof answers.phone === 'string' && textable(answers.phone)) return { channel: 'sms', to: answers.phone };
  return undefined;
}

/** A new code's row, ready to insert, and the code itself (which only its message carries). */
export interface NewCode {
  id: string;
  code: string;
  channel: CodeRecipient['channel'];
  codeHash: string;
  recipientHash: string;
  addressHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Confirmation codes: six random digits, kept only as an HMAC under a key derived from
 * SESSION_SECRET and bound to the code's row (a six-digit space is too small for a plain hash).
 * Recipients and client addresses are kept as keyed hashes too, only to cap sending.
 */
export interface ConfirmationCodes {
  create(recipient: CodeRecipient, address: string, now: Date): NewCode;
  matches(codeId: string, presented: string, storedHash: string): boolean;
  /** Throws {@link TooManyCodesError} when the recipient or the address has had its share. */
  assertWithinCaps(db: Kysely<Database>, recipient: CodeRecipient, address: string, now: Date): Promise<void>;
}

export function createConfirmationCodes(
  sessionSecret: string,
  caps: Pick<Config['confirmation'], 'codesPerRecipientPerDay' | 'codesPerAddressPerHour'>,
): ConfirmationCodes {
  const key = createHmac('sha256', sessionSecret).update('tell-us-once confirmation codes').digest();
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const recipientHash = (r: CodeRecipient) => mac(`recipient:${r.channel}:${r.to.trim().toLowerCase()}`);
  const addressHash = (address: string) => mac(`address:${address}`);
  const codeHash = (codeId: string, code: string) => mac(`code:${codeId}:${code}`);
  return {
    create(recipient, address, now) {
      const id = randomUUID();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      return {
        id,
        code,
        channel: recipient.channel,
        codeHash: codeHash(id, code),
        recipientHash: recipientHash(recipient),
        addressHash: addressHash(address),
        createdAt: now,
        expiresAt: new Date(now.getTime() + codeLifetimeMs),
      };
    },
    matches(codeId, presented, storedHash) {
      const [a, b] = [Buffer.from(codeHash(codeId, presented.replace(/\s/g, ''))), Buffer.from(storedHash)];
      return a.length === b.length && timingSafeEqual(a, b);
    },
    async assertWithinCaps(db, recipient, address, now) {
      const day = new Date(now.getTime() - 24 * 60 * 60 * 1000);
      const hour = new Date(now.getTime() - 60 * 60 * 1000);
      const counts = await sql<{ recipient: string; address: string }>`
        select
          (select count(*) from confirmation_codes where recipient_hash = ${recipientHash(recipient)} and created_at > ${day}) as recipient,
          (select count(*) from confirmation_codes where address_hash = ${addressHash(address)} and created_at > ${hour}) as address
      `.execute(db);
      const row = counts.rows[0];
      if (
        Number(row?.recipient ?? 0) >= caps.codesPerRecipientPerDay ||
        Number(row?.address ?? 0) >= caps.codesPerAddressPerHour
      )
        throw new TooManyCodesError();
    },
  };
}

/** The insert of a new code, for a caller composing one statement; `from` supplies the submission row. */
export function codeInsert(code: NewCode, submissionId: string, from: ReturnType<typeof sql>) {
  return sql`insert into confirmation_codes (id, submission_id, channel, code_hash, recipient_hash, address_hash, created_at, expires_at)
    select ${code.id}, ${submissionId}, ${code.channel}, ${code.codeHash}, ${code.recipientHash}, ${code.addressHash}, ${code.createdAt}, ${code.expiresAt} ${from}`;
}
