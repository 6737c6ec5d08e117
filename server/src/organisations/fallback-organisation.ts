import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganisationScope } from './organisation-scope.js';

/**
 * The kind's fallback organisation: told when no more particular organisation of the kind is
 * chosen, and the one the kind's configured webhook (`AGENCY_<KIND>_WEBHOOK_URL`) belongs to.
 * Every kind has one from the first migration of the directory on.
 */
export async function fallbackOrganisation(db: Kysely<Database>, kind: AgencyKind): Promise<OrganisationScope> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', kind)
    .where('fallback', '=', true)
    .executeTakeFirstOrThrow();
  return { id: row.id, kind };
}

/** The fallback organisation of a kind, as a subquery (for statements that must not wait on a round trip). */
export const fallbackOrganisationId = (kind: AgencyKind | ReturnType<typeof sql.ref>) =>
  sql<string>`(select id from organisations where kind = ${kind} and fallback)`;

/**
 * The organisation a command line names: `--organisation` as its id or as `kind:code` (e.g.
 * `gp-practice:Y01234`), else the fallback organisation of `--agency`'s kind. Undefined when none matches.
 */
export async function organisationFromArgs(
  db: Kysely<Database>,
  args: { agency?: AgencyKind | undefined; organisation?: string | undefined },
): Promise<OrganisationScope | undefined> {
  if (!args.organisation) return args.agency ? fallbackOrganisation(db, args.agency) : undefined;
  const [named, code] = args.organisation.split(':');
  const kind = agencyKinds.find((known) => known === named);
  const organisations = db.selectFrom('organisations').select(['id', 'kind']);
  const row = /^[0-9a-f-]{36}$/i.test(args.organisation)
    ? await organisations.where('id', '=', args.organisation).executeTakeFirst()
    : kind &&
      (await organisations
        .where('kind', '=', kind)
        .where('code', '=', code ?? '')
        .executeTakeFirst());
  return row ? { id: row.id, kind: row.kind } : undefined;
}
