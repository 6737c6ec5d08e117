import type { DeliveryRole } from '../../agencies/delivery-roles.js';
import type { JourneyDefinition } from '../../journeys/definition/journey-definition-schema.js';
import type { Answers } from '../../journeys/engine/answers.js';

/**
 * Why the council team (the council kind's fallback organisation) was sent a report, in the words
 * its notification carries: its work is to pass the report on to the council it belongs to.
 */
export const unplacedAddressReason =
  "This address could not be placed in any council's area, so the report came to the council team to pass on to the council it belongs to.";

/** An address on the council team's notification that no council's area was found for, and why that brought it there. */
export interface UnplacedAddressNote {
  /** The routed address answer's field name, e.g. `lastAddress`. */
  field: string;
  reason: typeof unplacedAddressReason;
}

/**
 * The address fields whose council is told of a journey: with a role, that part's address (the
 * home left, the home moved to); without one on a split rule, both (one council told both parts);
 * else the journey's last address field routed to the council (the home someone died at, a baby's
 * home). Empty for a journey that tells no council.
 */
export function councilAddressFields(journey: JourneyDefinition, role?: DeliveryRole): string[] {
  const rule = journey.routing.council;
  if (!rule) return [];
  if (rule.split) return role ? [rule.split[role].address] : [rule.split.leaving.address, rule.split.joining.address];
  const addresses = journey.pages.flatMap((page) => page.fields).filter((field) => field.kind === 'address');
  const field = addresses.filter((address) => rule.fields.includes(address.name)).at(-1);
  return field ? [field.name] : [];
}

/**
 * What the council team's payload says about the addresses that brought the report to it: each
 * address of the delivery (for its role) among the routed answers. Only fields already routed to
 * the council are named, so nothing else leaves.
 */
export function unplacedAddressNotes(
  journey: JourneyDefinition,
  routedAnswers: Readonly<Answers>,
  role?: DeliveryRole,
): UnplacedAddressNote[] {
  return councilAddressFields(journey, role)
    .filter((field) => Object.hasOwn(routedAnswers, field))
    .map((field) => ({ field, reason: unplacedAddressReason }));
}
