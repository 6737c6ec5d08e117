import type { AccountChange, AdminAccount } from '@tuo/shared/api/account-admin';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { removeSecondFactor } from './second-factor.js';

/**
 * Whose accounts an administrator may see and change: staff admins the customer-centre roles; an
 * agency admin the portal roles of their own organisation only. Anything outside reads as not found.
 */
export interface AccountScope {
  roles: readonly string[];
  /** The organisation an agency admin works for; null for staff admins (their accounts have none). */
  organisationId: string | null;
}

function scoped(db: Kysely<Database>, scope: AccountScope) {
  return db
    .selectFrom('staff_users')
    .where('role', 'in', scope.roles)
    .where('organisation_id', scope.organisationId === null ? 'is' : '=', scope.organisationId);
}

/** The accounts in scope, by email address. */
export async function listAccounts(db: Kysely<Database>, scope: AccountScope): Promise<AdminAccount[]> {
  const rows = await scoped(db, scope)
    .select(['id', 'email', 'role', 'agency', 'disabled_at', 'totp_enrolled_at', 'created_at'])
    .orderBy('email')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    agency: row.agency,
    disabled: row.disabled_at !== null,
    secondFactor: row.totp_enrolled_at !== null,
    createdAt: row.created_at.toISOString(),
  }));
}

/**
 * Makes one change to an account in scope, audited with the administrator as actor. Disabling,
 * a new role and a second factor reset end the account's sessions at once. An administrator
 * cannot disable or demote themselves (so there is always one left who can undo it).
 */
export async function changeAccount(
  db: Kysely<Database>,
  scope: AccountScope,
  actor: Actor & { id: string },
  accountId: string,
  change: AccountChange,
): Promise<void> {
  const account = await scoped(db, scope).select(['id', 'role']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new AppError(404, 'not_found', 'There is no such account here.');
  if (change.change === 'role' && !scope.roles.includes(change.role))
    throw new AppError(400, 'invalid_role', `A role here is one of ${scope.roles.join(', ')}.`);
  if (account.id === actor.id && change.change !== 'reset-second-factor')
    throw new AppError(409, 'own_account', 'Ask another administrator to change your own account.');
  await db.transaction().execute(async (trx) => {
    if (change.change === 'disable' || change.change === 'enable')
      await trx
        .updateTable('staff_users')
        .set({ disabled_at: change.change === 'disable' ? new Date() : null })
        .where('id', '=', accountId)
        .execute();
    if (change.change === 'role')
      await trx.updateTable('staff_users').set({ role: change.role }).where('id', '=', accountId).execute();
    if (change.change === 'reset-second-factor') await removeSecondFactor(trx, accountId);
    if (change.change !== 'enable') await trx.deleteFrom('staff_sessions').where('staff_id', '=', accountId).execute();
    await recordAudit(trx, {
      actor,
      action: `account.${change.change}`,
      detail: { account: accountId, ...(change.change === 'role' ? { from: account.role, to: change.role } : {}) },
    });
  });
}
