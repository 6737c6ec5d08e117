import type { AgencyKind } from '@tuo/shared';
import type { OrganisationChoice } from '@tuo/shared/api/organisations';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** How many organisations one search shows: enough for a postcode district, few enough to read. */
const shown = 20;

/** The outward code ("NB1") of something typed like a postcode or a postcode district, if it is one. */
function outwardCode(query: string): string | undefined {
  const compact = query.toUpperCase().replace(/\s+/g, '');
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})?$/.exec(compact);
  if (!match?.[1]) return undefined;
  // "NB14AB" is NB1 4AB: a full postcode's outward code is all but its last three characters.
  return match[2] ? compact.slice(0, -3) : match[1];
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The enabled organisations of a kind a resident's search finds: by name (any part of it), or by
 * postcode, where a postcode or district finds those in its district and those serving it. The
 * fallback is never listed: "I don't know" is how a resident chooses it.
 */
export async function searchOrganisations(
  db: Kysely<Database>,
  kind: AgencyKind,
  query: string,
): Promise<OrganisationChoice[]> {
  const typed = query.trim();
  if (typed === '') return [];
  const district = outwardCode(typed);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'postcode'])
    .where('kind', '=', kind)
    .where('fallback', '=', false)
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('name', 'ilike', likePattern(typed)),
        ...(district ? [eb('postcode', 'like', `${district} %`), eb(sql.val(district), '=', eb.fn.any('areas'))] : []),
      ]),
    )
    .orderBy('name')
    .limit(shown)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, ...(row.postcode ? { postcode: row.postcode } : {}) }));
}

/** One enabled organisation of a kind, as a resident picks it; undefined for any other id. */
export async function findChoice(
  db: Kysely<Database>,
  kind: AgencyKind,
  id: string,
): Promise<OrganisationChoice | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'postcode'])
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('fallback', '=', false)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, ...(row.postcode ? { postcode: row.postcode } : {}) } : undefined;
}

/** The names of organisations by id, for pages that show a choice made earlier. */
export async function organisationNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Who each kind will be told through, by name: the organisation picked for it (while it is in
 * the directory and enabled), else the kind's fallback. For pages naming them before sending.
 */
export async function toldOrganisationNames(
  db: Kysely<Database>,
  kinds: readonly AgencyKind[],
  chosen: Partial<Record<AgencyKind, string>>,
): Promise<Partial<Record<AgencyKind, string>>> {
  if (kinds.length === 0) return {};
  const picked = Object.values(chosen).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'name', 'fallback'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('fallback', '=', true), eb('kind', 'in', [...kinds])]),
        ...(picked.length > 0 ? [eb('id', 'in', picked)] : []),
      ]),
    )
    .execute();
  const names: Partial<Record<AgencyKind, string>> = {};
  for (const kind of kinds) {
    const row =
      rows.find((r) => r.kind === kind && r.id === chosen[kind]) ?? rows.find((r) => r.kind === kind && r.fallback);
    if (row) names[kind] = row.name;
  }
  return names;
}
