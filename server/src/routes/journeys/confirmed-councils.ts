import { getJourney, type AddressAnswer, type Answers, type LifeEventId } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import type { Database } from '../../db/database.js';
import { councilsFromAddresses, type CouncilsFound } from '../../organisations/council-from-address.js';
import { listCouncils } from '../../organisations/list-councils.js';
import type { JourneyState } from './journey-session.js';

/** What a confirmed council was confirmed for: the address as answered (a changed address asks again). */
export function addressKey(answers: Readonly<Answers>, field: string): string | undefined {
  const answer = Object.hasOwn(answers, field) ? answers[field] : undefined;
  if (typeof answer !== 'object' || Array.isArray(answer)) return undefined;
  const address: AddressAnswer = answer;
  return JSON.stringify([address.uprn ?? null, address.line1, address.line2 ?? null, address.town, address.postcode]);
}

/** The councils the resident confirmed that still stand for the addresses they answered. */
function stillConfirmed(state: JourneyState): Record<string, string> {
  return Object.fromEntries(
    Object.entries(state.councils ?? {})
      .filter(([field, confirmed]) => confirmed.address === addressKey(state.answers, field))
      .map(([field, confirmed]) => [field, confirmed.id]),
  );
}

/**
 * The councils of the journey's addresses (see councilsFromAddresses), those the resident
 * confirmed taking the place of what the look-up could not say. A directory that lists no council
 * has nothing to choose from: its council team (the fallback) is told, and nothing is asked.
 */
export async function journeyCouncils(
  db: Kysely<Database>,
  lookup: AddressLookup,
  lifeEvent: LifeEventId,
  state: JourneyState,
): Promise<CouncilsFound> {
  const found = await councilsFromAddresses(db, lookup, getJourney(lifeEvent), state.answers, stillConfirmed(state));
  if (found.unknown.length === 0) return found;
  const listed = await listCouncils(db, '');
  return listed.councils.length > 0 || listed.searchNeeded ? found : { ...found, unknown: [] };
}
