import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../db/database.js';
import { openSecret, sealSecret } from './sealed-secret.js';

/** Roles that may do nothing until their account has a second factor. */
export const secondFactorRoles: readonly string[] = ['admin', 'supervisor', 'agency-admin'];

/** True when an account of this role must have a second factor before it can do anything. */
export const requiresSecondFactor = (role: string) => secondFactorRoles.includes(role);

const period = 30;
// One step either side, for a phone's clock a little out; never more.
const window = 1;
const recoveryCodeCount = 10;

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Tell Us Once', label, secret: Secret.fromBase32(secret), period, digits: 6 });
}

/** A new authenticator app key (160 random bits, in base32 as apps take it). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The code an authenticator app shows for `secret` at a time (tests and the CLI answer with it). */
export function totpCode(secret: string, at = Date.now()): string {
  return totp(secret, '').generate({ timestamp: at });
}

/** The time step a code is valid for, or null when it is wrong or stale (outside the window). */
function stepOf(secret: string, code: string, at: number): number | null {
  const delta = totp(secret, '').validate({ token: code, timestamp: at, window });
  return delta === null ? null : TOTP.counter({ period, timestamp: at }) + delta;
}

const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const hashCode = (code: string) => createHash('sha256').update(normalise(code)).digest('hex');
const isTotpShape = (code: string) => /^\d{6}$/.test(normalise(code));

function newRecoveryCode(): string {
  // 50 random bits in base32, shown as two groups of five, e.g. `k3v9q-7mx2d`.
  const value = randomBytes(8).toString('hex');
  const digits = BigInt(`0x${value}`).toString(32).padStart(10, '0').slice(-10);
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/** Whether an account has a second factor set up. */
export async function hasSecondFactor(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_users')
    .select('totp_enrolled_at')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return Boolean(row?.totp_enrolled_at);
}

/**
 * Sets up an authenticator app for an account once it has shown a right code from `secret`: the
 * key is kept sealed, the code's step counts as used, and ten new recovery codes replace any old
 * ones. Returns the recovery codes, to be shown once (only their hashes are kept), or undefined
 * when the code was wrong.
 */
export async function enrolSecondFactor(
  db: Kysely<Database>,
  sealingSecret: string,
  accountId: string,
  secret: string,
  code: string,
  now = Date.now(),
): Promise<string[] | undefined> {
  const step = stepOf(secret, normalise(code), now);
  if (step === null) return undefined;
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_users')
      .set({
        totp_sealed_secret: sealSecret(sealingSecret, 'totp', accountId, secret),
        totp_last_step: step,
        totp_enrolled_at: new Date(now),
      })
      .where('id', '=', accountId)
      .execute();
    await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', accountId).execute();
    await trx
      .insertInto('staff_recovery_codes')
      .values(codes.map((value) => ({ staff_id: accountId, code_hash: hashCode(value) })))
      .execute();
  });
  return codes;
}

/** How a second factor was answered, or why not. */
export type SecondFactorCheck = 'totp' | 'recovery-code' | 'refused';

/**
 * Checks a code from the authenticator app, or a recovery code. A TOTP code is refused when wrong,
 * stale (outside one step either side) or of a step already used (a replay: each step counts once,
 * across every API process, in one conditional update). A recovery code works once.
 */
export async function checkSecondFactor(
  db: Kysely<Database>,
  sealingSecret: string,
  accountId: string,
  code: string,
  now = Date.now(),
): Promise<SecondFactorCheck> {
  if (!isTotpShape(code)) {
    const spent = await db
      .updateTable('staff_recovery_codes')
      .set({ used_at: sql`now()` })
      .where('staff_id', '=', accountId)
      .where('code_hash', '=', hashCode(code))
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return spent ? 'recovery-code' : 'refused';
  }
  const row = await db
    .selectFrom('staff_users')
    .select('totp_sealed_secret')
    .where('id', '=', accountId)
    .executeTakeFirst();
  const secret = row?.totp_sealed_secret
    ? openSecret(sealingSecret, 'totp', accountId, row.totp_sealed_secret)
    : undefined;
  if (!secret) return 'refused';
  const step = stepOf(secret, normalise(code), now);
  if (step === null) return 'refused';
  const accepted = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .returning('id')
    .executeTakeFirst();
  return accepted ? 'totp' : 'refused';
}

/** Removes an account's second factor (an admin's reset; pass a transaction): it sets one up again at next sign-in. */
export async function removeSecondFactor(db: Kysely<Database>, accountId: string): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({ totp_sealed_secret: null, totp_last_step: null, totp_enrolled_at: null })
    .where('id', '=', accountId)
    .execute();
  await db.deleteFrom('staff_recovery_codes').where('staff_id', '=', accountId).execute();
}
