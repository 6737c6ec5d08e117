import type { AgencyKind } from '@tuo/shared';
import { displayNameSchema, type AccountRole } from '@tuo/shared/api/account-admin';
import { sql, type Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { OidcIdentity } from './oidc-client.js';

/** Who a provider's person is to a console: its roles, the role their claims give, and where they work. */
export interface OidcAccountRule {
  /** The roles of this console (an account of another console never matches). */
  roles: readonly AccountRole[];
  /** The role the person's claims map to; undefined when the mapping gives none. */
  role: AccountRole | undefined;
  /** The organisation of an agency portal account; null for the staff console. */
  organisation: { id: string; kind: AgencyKind } | null;
  actorType: Actor['type'];
}

/** What a sign-in through a provider came to. */
export type OidcAccountResult =
  { ok: true; id: string; created: boolean } | { ok: false; reason: 'no-role' | 'disabled' | 'no-email' | 'taken' };

/** The person's email address: `email`, or Entra ID's `preferred_username` (their sign-in name) without one. */
export function emailOf(claims: OidcIdentity['claims']): string | undefined {
  const email = [claims.email, claims.preferred_username].find(
    (value): value is string => typeof value === 'string' && value.includes('@'),
  );
  return email?.trim();
}

/** The person's name as their provider gives it (the `name` claim), when it makes a display name. */
export function displayNameOf(claims: OidcIdentity['claims']): string | undefined {
  const parsed = displayNameSchema.safeParse(claims.name);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The account a provider's person signs in as. Known by issuer and subject: their role follows the
 * provider's mapping at every sign-in, and a person the mapping no longer gives a role is refused.
 * Unknown: an account made for their email address by an administrator (or an invitation) is
 * linked to them; otherwise one is made, but only when the mapping gives them a role. Disabled
 * accounts are refused whichever way they were found. Every account made, linked or changed is audited.
 * The provider's `name` claim names an account that has no display name yet; a name set on the
 * command line or by an administrator is kept.
 */
export async function accountForIdentity(
  db: Kysely<Database>,
  identity: OidcIdentity,
  rule: OidcAccountRule,
): Promise<OidcAccountResult> {
  return db.transaction().execute(async (trx) => {
    const actor = { type: rule.actorType };
    const scoped = trx
      .selectFrom('staff_users')
      .select(['id', 'role', 'disabled_at', 'oidc_subject', 'display_name'])
      .where('role', 'in', rule.roles)
      .where('organisation_id', rule.organisation ? '=' : 'is', rule.organisation?.id ?? null);
    const known = await scoped
      .where('oidc_issuer', '=', identity.issuer)
      .where('oidc_subject', '=', identity.subject)
      .executeTakeFirst();
    const email = emailOf(identity.claims);
    const name = displayNameOf(identity.claims);
    const found =
      known ??
      (email
        ? await scoped
            .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
            .where('oidc_subject', 'is', null)
            .executeTakeFirst()
        : undefined);
    if (found?.disabled_at) return { ok: false, reason: 'disabled' } as const;
    if (!rule.role) return { ok: false, reason: 'no-role' } as const;
    if (found) {
      if (!known)
        await trx
          .updateTable('staff_users')
          .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
          .where('id', '=', found.id)
          .execute();
      if (found.role !== rule.role)
        await trx.updateTable('staff_users').set({ role: rule.role }).where('id', '=', found.id).execute();
      const named = name !== undefined && found.display_name === null;
      if (named) await trx.updateTable('staff_users').set({ display_name: name }).where('id', '=', found.id).execute();
      if (!known || found.role !== rule.role || named)
        await recordAudit(trx, {
          actor: { ...actor, id: found.id },
          action: 'account.provider-linked',
          detail: {
            account: found.id,
            ...(found.role !== rule.role ? { from: found.role, to: rule.role } : {}),
            ...(named ? { named: true } : {}),
          },
        });
      return { ok: true, id: found.id, created: false } as const;
    }
    if (!email) return { ok: false, reason: 'no-email' } as const;
    const made = await trx
      .insertInto('staff_users')
      .values({
        email,
        display_name: name ?? null,
        role: rule.role,
        password_hash: null,
        agency: rule.organisation?.kind ?? null,
        organisation_id: rule.organisation?.id ?? null,
        oidc_issuer: identity.issuer,
        oidc_subject: identity.subject,
      })
      // The address may belong to an account of the other console, or of another organisation.
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!made) return { ok: false, reason: 'taken' } as const;
    await recordAudit(trx, {
      actor: { ...actor, id: made.id },
      action: 'account.created-by-sign-in',
      detail: { account: made.id, role: rule.role },
    });
    return { ok: true, id: made.id, created: true } as const;
  });
}
