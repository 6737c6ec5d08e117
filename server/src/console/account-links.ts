import type { AccountRole } from '@tuo/shared/api/account-admin';
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { hashPassword } from './password-accounts.js';

/** What a one-time link is for: a new account's first password, or a new password for an old one. */
export type AccountLinkPurpose = 'invite' | 'reset';

/** How long a link works: a week to accept an invitation, a day to reset a password. */
const lifetimeMs: Record<AccountLinkPurpose, number> = { invite: 7 * 24 * 60 * 60 * 1000, reset: 24 * 60 * 60 * 1000 };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Makes a one-time link for an account, replacing any unused one it had: returns the token, which
 * exists only in the link (the table keeps its hash). Inside the caller's transaction.
 */
export async function issueAccountLink(
  trx: Transaction<Database>,
  accountId: string,
  purpose: AccountLinkPurpose,
  createdBy: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeMs[purpose]);
  await trx.deleteFrom('staff_account_links').where('staff_id', '=', accountId).where('used_at', 'is', null).execute();
  await trx
    .insertInto('staff_account_links')
    .values({ staff_id: accountId, token_hash: hashOf(token), purpose, created_by: createdBy, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The unused, unexpired link's account, if the token is one, of an enabled account holding one of `roles`. */
export async function accountLinkFor(
  db: Kysely<Database> | Transaction<Database>,
  token: string,
  roles: readonly AccountRole[],
): Promise<{ linkId: string; accountId: string; email: string; purpose: AccountLinkPurpose } | undefined> {
  const row = await db
    .selectFrom('staff_account_links as l')
    .innerJoin('staff_users as u', 'u.id', 'l.staff_id')
    .select(['l.id', 'l.staff_id', 'l.purpose', 'u.email'])
    .where('l.token_hash', '=', hashOf(token))
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .where('u.role', 'in', roles)
    .executeTakeFirst();
  return row ? { linkId: row.id, accountId: row.staff_id, email: row.email, purpose: row.purpose } : undefined;
}

/**
 * Sets the account's password through its link, once: the link is spent, every session of the
 * account ends, and it is audited. Returns false when the link is unknown, used, expired or its
 * account disabled (a second use of the same link included, even at the same moment).
 */
export async function setPasswordByLink(
  db: Kysely<Database>,
  token: string,
  password: string,
  roles: readonly AccountRole[],
  actor: Pick<Actor, 'type' | 'address'>,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const link = await accountLinkFor(trx, token, roles);
    if (!link) return false;
    const spent = await trx
      .updateTable('staff_account_links')
      .set({ used_at: new Date() })
      .where('id', '=', link.linkId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable('staff_users')
      .set({ password_hash: passwordHash })
      .where('id', '=', link.accountId)
      .execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', link.accountId).execute();
    await recordAudit(trx, {
      actor: { ...actor, id: link.accountId },
      action: link.purpose === 'invite' ? 'account.invitation-accepted' : 'account.password-reset',
      detail: { account: link.accountId },
    });
    return true;
  });
}
