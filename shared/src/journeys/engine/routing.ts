import type { AgencyKind } from '../../agencies/agency-kinds.js';
import { agencyKinds } from '../../agencies/agency-kinds.js';
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

/** The only fields an agency may receive for this journey; empty when it has no rule. */
export function routedFields(journey: JourneyDefinition, agency: AgencyKind): readonly string[] {
  return journey.routing[agency]?.fields ?? [];
}

/**
 * Only the answers routed to the agency: the data minimisation step. Keys come from the rule,
 * never from the answers, so nothing else can slip through.
 */
export function pickRoutedAnswers(journey: JourneyDefinition, agency: AgencyKind, answers: Readonly<Answers>): Answers {
  const picked: Answers = {};
  for (const name of routedFields(journey, agency)) {
    const value = Object.hasOwn(answers, name) ? answers[name] : undefined;
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
