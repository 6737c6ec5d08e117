import type { AgencyKind, JourneyDefinition } from '@tuo/shared';
import type { UnplacedAddress } from '@tuo/shared/api/submissions';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { councilAddresses, type CouncilsFound } from './council-from-address.js';
import { directoryReader } from './directory-reads.js';

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
  // The council team and the names, in the directory read the submission's own lookups share.
  const rows = await directoryReader(db)({ kinds: ['council'], ids: home === undefined ? [] : [home] });
  const team = rows.find((row) => row.fallback && row.kind === 'council')?.id;
  if (team === undefined) throw new Error('No fallback organisation of kind council');
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return told.map(({ field, id = team }) => ({ field, told: { id, name: names.get(id) ?? '' } }));
}
