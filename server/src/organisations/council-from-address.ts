import { normalisePostcode, type AddressAnswer, type Answers, type JourneyDefinition } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { AddressLookup } from '../address-lookup/address-lookup.js';
import type { Database } from '../db/database.js';

/**
 * The address whose council is told: the journey's last address field routed to the council (the
 * home someone died at, a baby's home, the home moved into).
 */
function councilAddress(journey: JourneyDefinition, answers: Readonly<Answers>): AddressAnswer | undefined {
  const routed = journey.routing.council?.fields ?? [];
  const fields = journey.pages.flatMap((page) => page.fields).filter((f) => f.kind === 'address');
  const field = fields.filter((f) => routed.includes(f.name)).at(-1);
  const answer = field && Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
  return typeof answer === 'object' && !Array.isArray(answer) ? answer : undefined;
}

/**
 * The council for the address, from the directory: the look-up's local custodian code for the
 * address's UPRN (the sample gazetteer knows it for its addresses; OS Places sends it) maps to the
 * enabled council with that code. Undefined when the address has no confirmed UPRN, the look-up
 * cannot say or no council in the directory has the code: then the council's fallback is told.
 */
export async function councilFromAddress(
  db: Kysely<Database>,
  lookup: AddressLookup,
  journey: JourneyDefinition,
  answers: Readonly<Answers>,
): Promise<string | undefined> {
  const address = councilAddress(journey, answers);
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
