import type { OrganisationChoice } from '@tuo/shared/api/organisations';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { searchOrganisations } from './search-organisations.js';

/** Up to this many councils are listed as radios without a search (a trial's two, a region's handful). */
const listedWithoutSearch = 20;

/**
 * The councils a resident chooses from when an address's council is not known: every enabled
 * council of the directory when there are few, else those a search by name or postcode finds.
 */
export async function listCouncils(
  db: Kysely<Database>,
  query: string,
): Promise<{ councils: OrganisationChoice[]; searchNeeded: boolean }> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'council')
    .where('fallback', '=', false)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .limit(listedWithoutSearch + 1)
    .execute();
  const searchNeeded = rows.length > listedWithoutSearch;
  if (query.trim() !== '') return { councils: await searchOrganisations(db, 'council', query), searchNeeded };
  return { councils: searchNeeded ? [] : rows, searchNeeded };
}
