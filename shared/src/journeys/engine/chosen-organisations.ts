import type { AgencyKind } from '../../agencies/agency-kinds.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import type { Answers } from './answers.js';
import { dontKnowOrganisation } from './field-basics.js';

/**
 * The organisations the resident picked from the directory in the journey's organisation fields
 * (their GP practice, their landlord), by kind. A field answered "I don't know", or not answered,
 * names none, so that kind is told through its fallback organisation (the council's team for it).
 */
export function chosenOrganisations(
  journey: JourneyDefinition,
  answers: Readonly<Answers>,
): Partial<Record<AgencyKind, string>> {
  const chosen: Partial<Record<AgencyKind, string>> = {};
  for (const page of journey.pages)
    for (const field of page.fields) {
      const answer = Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
      if (field.kind === 'organisation' && field.organisationKind && typeof answer === 'string')
        if (answer !== dontKnowOrganisation) chosen[field.organisationKind] = answer;
    }
  return chosen;
}
