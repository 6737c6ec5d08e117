import type { AgencyKind } from '../../agencies/agency-kinds.js';
import { agencyKinds } from '../../agencies/agency-kinds.js';
import type { DeliveryRole } from '../../agencies/delivery-roles.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import type { Answers } from './answers.js';
import { evaluateCondition } from './evaluate-condition.js';

/** The agencies this journey's routing rules say need to know, given the answers, in a fixed order. */
export function relevantAgencies(journey: JourneyDefinition, answers: Readonly<Answers>): AgencyKind[] {
  return agencyKinds.filter((agency) => {
    const rule = journey.routing[agency];
    return rule !== undefined && (rule.relevantWhen === 'always' || evaluateCondition(rule.relevantWhen, answers));
  });
}

/**
 * The only fields an agency may receive for this journey; empty when it has no rule. With a role,
 * the fields of that part of a split rule (empty when the rule has no such part).
 */
export function routedFields(journey: JourneyDefinition, agency: AgencyKind, role?: DeliveryRole): readonly string[] {
  const rule = journey.routing[agency];
  if (!role) return rule?.fields ?? [];
  return rule?.split?.[role].fields ?? [];
}

/** The purpose the resident is shown for an agency, or for one part of its split rule. */
export function routedPurpose(journey: JourneyDefinition, agency: AgencyKind, role?: DeliveryRole): string {
  const rule = journey.routing[agency];
  return (role ? rule?.split?.[role].purpose : rule?.purpose) ?? '';
}

/**
 * Only the answers routed to the agency (in that role): the data minimisation step. Keys come from
 * the rule, never from the answers, so nothing else can slip through.
 */
export function pickRoutedAnswers(
  journey: JourneyDefinition,
  agency: AgencyKind,
  answers: Readonly<Answers>,
  role?: DeliveryRole,
): Answers {
  const picked: Answers = {};
  for (const name of routedFields(journey, agency, role)) {
    const value = Object.hasOwn(answers, name) ? answers[name] : undefined;
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
