import type { AgencyKind } from '@tuo/shared';
import type { AccountChange, AccountRole, AdminAccount } from '@tuo/shared/api/account-admin';
import { sql, type Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { issueAccountLink } from './account-links.js';
import { removeSecondFactor } from './second-factor.js';

/**
 * Whose accounts an administrator may see and change: staff admins the customer-centre roles; an
 * agency admin the portal roles of their own organisation only. Anything outside reads as not found.
 */
export interface AccountScope {
  roles: readonly AccountRole[];
  /** The organisation an agency admin works for; null for staff admins (their accounts have none). */
  organisationId: string | null;
}

/** The role posted (any string until checked) as one of the scope's roles, or a 400. */
function roleInScope(scope: AccountScope, posted: string): AccountRole {
  const role = scope.roles.find((held) => held === posted);
  if (!role) throw new AppError(400, 'invalid_role', `A role here is one of ${scope.roles.join(', ')}.`);
  return role;
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
    .select(['id', 'email', 'display_name', 'role', 'agency', 'disabled_at', 'totp_enrolled_at', 'created_at'])
    .orderBy('email')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
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
 * cannot disable or demote themselves (so there is always one left who can undo it), but may
 * rename themselves. The audit line names the account, never the name itself.
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
  const role = change.change === 'role' ? roleInScope(scope, change.role) : undefined;
  if (account.id === actor.id && change.change !== 'reset-second-factor' && change.change !== 'name')
    throw new AppError(409, 'own_account', 'Ask another administrator to change your own account.');
  await db.transaction().execute(async (trx) => {
    if (change.change === 'disable' || change.change === 'enable')
      await trx
        .updateTable('staff_users')
        .set({ disabled_at: change.change === 'disable' ? new Date() : null })
        .where('id', '=', accountId)
        .execute();
    if (role) await trx.updateTable('staff_users').set({ role }).where('id', '=', accountId).execute();
    if (change.change === 'name')
      await trx.updateTable('staff_users').set({ display_name: change.name }).where('id', '=', accountId).execute();
    if (change.change === 'reset-second-factor') await removeSecondFactor(trx, accountId);
    if (change.change !== 'enable' && change.change !== 'name')
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', accountId).execute();
    await recordAudit(trx, {
      actor,
      action: `account.${change.change}`,
      detail: { account: accountId, ...(change.change === 'role' ? { from: account.role, to: change.role } : {}) },
    });
  });
}

/** One account in scope, or not found. */
export async function findAccount(db: Kysely<Database>, scope: AccountScope, accountId: string): Promise<AdminAccount> {
  const account = (await listAccounts(db, scope)).find((row) => row.id === accountId);
  if (!account) throw new AppError(404, 'not_found', 'There is no such account here.');
  return account;
}

/**
 * Invites a person: an account in scope with the role, no password yet, and a one-time link to set
 * one (returned, shown once to the administrator to send). With single sign-on the same account is
 * linked at their first sign-in through the provider instead. Audited.
 */
export async function inviteAccount(
  db: Kysely<Database>,
  scope: AccountScope & { kind?: AgencyKind },
  actor: Actor & { id: string },
  invitation: { email: string; role: string; displayName?: string | undefined },
): Promise<{ accountId: string; token: string; expiresAt: Date }> {
  const role = roleInScope(scope, invitation.role);
  return db.transaction().execute(async (trx) => {
    const made = await trx
      .insertInto('staff_users')
      .values({
        email: invitation.email.trim(),
        display_name: invitation.displayName ?? null,
        role,
        password_hash: null,
        organisation_id: scope.organisationId,
        agency: scope.kind ?? null,
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!made) throw new AppError(409, 'account_exists', 'There is already an account for this email address.');
    const link = await issueAccountLink(trx, made.id, 'invite', actor.id);
    await recordAudit(trx, {
      actor,
      action: 'account.invited',
      detail: { account: made.id, role },
    });
    return { accountId: made.id, ...link };
  });
}

/** A one-time link for an account in scope to set a new password (its old one works until then). Audited. */
export async function issuePasswordReset(
  db: Kysely<Database>,
  scope: AccountScope,
  actor: Actor & { id: string },
  accountId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const account = await findAccount(db, scope, accountId);
  if (account.disabled) throw new AppError(409, 'account_disabled', 'Enable the account first.');
  return db.transaction().execute(async (trx) => {
    const link = await issueAccountLink(trx, accountId, 'reset', actor.id);
    await recordAudit(trx, { actor, action: 'account.reset-password', detail: { account: accountId } });
    return link;
  });
}
