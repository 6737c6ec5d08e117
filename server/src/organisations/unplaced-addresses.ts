import type { AgencyKind, JourneyDefinition } from '@tuo/shared';
import type { UnplacedAddress } from '@tuo/shared/api/submissions';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { councilAddresses, type CouncilsFound } from './council-from-address.js';
import { fallbackOrganisation } from './fallback-organisation.js';

/** The organisations an API client named itself, for the home (or only address) and for the home left. */
export interface NamedOrganisations {
  organisations?: Partial<Record<AgencyKind, string>> | undefined;
  organisationsLeft?: Partial<Record<AgencyKind, string>> | undefined;
}

/**
 * The addresses of an API submission whose council neither the look-up placed nor the client
 * named, each with the council told its part instead: the council team (the kind's fallback),
 * whose work is to pass it on; for the home left in a move, the council told of the new home,
 * which is then told both parts. A client without a person to ask is not refused for an address
 * typed by hand or outside the directory: the report still reaches a council, and the answer
 * says which, so a client that can name the council (`organisations.council`) can do so.
 */
export async function unplacedAddresses(
  db: Kysely<Database>,
  journey: JourneyDefinition,
  found: CouncilsFound,
  named: NamedOrganisations,
): Promise<UnplacedAddress[]> {
  const home = named.organisations?.council ?? found.choices.chosen?.council;
  const parts = new Map(councilAddresses(journey).map((address) => [address.field, address.part]));
  const told = found.unknown.flatMap((field) => {
    const left = parts.get(field) === 'left';
    if ((left ? named.organisationsLeft : named.organisations)?.council !== undefined) return [];
    return [{ field, id: left ? home : undefined }];
  });
  if (told.length === 0) return [];
  const team = (await fallbackOrganisation(db, 'council')).id;
  const ids = [...new Set(told.map((entry) => entry.id ?? team))];
  const names = new Map(
    (await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()).map((row) => [
      row.id,
      row.name,
    ]),
  );
  return told.map(({ field, id = team }) => ({ field, told: { id, name: names.get(id) ?? '' } }));
}
