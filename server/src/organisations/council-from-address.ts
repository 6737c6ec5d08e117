import {
  councilAddressFields,
  normalisePostcode,
  type AddressAnswer,
  type AgencyKind,
  type Answers,
  type JourneyDefinition,
} from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { AddressLookup } from '../address-lookup/address-lookup.js';
import type { Database } from '../db/database.js';
import type { OrganisationChoices } from './organisations-for-consent.js';

/** Which address field's council is told, and in which part of the rule. */
export interface CouncilAddress {
  field: string;
  /** The home moved to (or the only home), or the home left when a move spans two councils. */
  part: 'home' | 'left';
}

/**
 * The address fields whose councils are told: the home left and the home moved to when the
 * council's rule is split (a move), else the journey's last address field routed to the council
 * (the home someone died at, a baby's home).
 */
export function councilAddresses(journey: JourneyDefinition): readonly CouncilAddress[] {
  // Worked out once per journey: every API submission asks, twice.
  let known = councilAddressesOf.get(journey);
  if (!known) {
    known = Object.freeze(addressesTold(journey));
    councilAddressesOf.set(journey, known);
  }
  return known;
}

const councilAddressesOf = new WeakMap<JourneyDefinition, readonly CouncilAddress[]>();

function addressesTold(journey: JourneyDefinition): CouncilAddress[] {
  const split = journey.routing.council?.split;
  if (split)
    return [
      { field: split.leaving.address, part: 'left' },
      { field: split.joining.address, part: 'home' },
    ];
  return councilAddressFields(journey).map((field) => ({ field, part: 'home' }));
}

function addressAnswer(answers: Readonly<Answers>, field: string): AddressAnswer | undefined {
  const answer = Object.hasOwn(answers, field) ? answers[field] : undefined;
  return typeof answer === 'object' && !Array.isArray(answer) ? answer : undefined;
}

/**
 * The council for one address, from the directory: the look-up's local custodian code for the
 * address's UPRN (the sample gazetteer knows it for its addresses; OS Places sends it) maps to the
 * enabled council with that code. Undefined when the address has no confirmed UPRN (typed by
 * hand), the look-up cannot say, or no council in the directory has the code.
 */
export async function councilForAddress(
  db: Kysely<Database>,
  lookup: AddressLookup,
  address: AddressAnswer | undefined,
): Promise<string | undefined> {
  if (!address?.uprn) return undefined;
  let code: string | undefined;
  try {
    const found = await lookup.findByPostcode(normalisePostcode(address.postcode));
    code = found.find((candidate) => candidate.uprn === address.uprn)?.custodianCode;
  } catch {
    return undefined;
  }
  if (!code) return undefined;
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'council')
    .where('custodian_code', '=', code)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** The councils the answers' addresses give, and the address fields whose council they cannot say. */
export interface CouncilsFound {
  choices: OrganisationChoices;
  unknown: string[];
}

/**
 * The council of each address whose council is told: the one the resident confirmed for it (by
 * address field), else the one its look-up gives. An address neither gives is listed in `unknown`,
 * so the resident can be asked (it is never silently the fallback).
 */
export async function councilsFromAddresses(
  db: Kysely<Database>,
  lookup: AddressLookup,
  journey: JourneyDefinition,
  answers: Readonly<Answers>,
  confirmed: Readonly<Record<string, string>> = {},
): Promise<CouncilsFound> {
  const chosen: Partial<Record<AgencyKind, string>> = {};
  const left: Partial<Record<AgencyKind, string>> = {};
  const unknown: string[] = [];
  for (const { field, part } of councilAddresses(journey)) {
    if (!addressAnswer(answers, field)) continue;
    const council = confirmed[field] ?? (await councilForAddress(db, lookup, addressAnswer(answers, field)));
    if (!council) unknown.push(field);
    else if (part === 'left') left.council = council;
    else chosen.council = council;
  }
  return { choices: { chosen, left }, unknown };
}
