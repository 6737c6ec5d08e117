import type { AgencyKind } from '../../agencies/agency-kinds.js';
import { agencies } from '../../agencies/agency-kinds.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';
import type { Answers } from './answers.js';
import { errorName } from './field-basics.js';
import { relevantAgencies } from './routing.js';

/** One agency on the "Who we will tell" page, where the resident agrees to each. */
export interface ConsentOption {
  readonly agency: AgencyKind;
  /** Plain-English name, e.g. "Your local council". */
  readonly name: string;
  /** Why this agency is told; record it with the resident's choice. */
  readonly purpose: string;
  /** True when the resident cannot leave this agency out. */
  readonly required: boolean;
  /** What the agency will receive, as the labels the resident saw ("Date of death"). */
  readonly information: readonly string[];
}

/** The agencies relevant to these answers, with what each gets and why, for the consent page. */
export function consentOptions(journey: JourneyDefinition, answers: Readonly<Answers>): ConsentOption[] {
  const fields = new Map(journey.pages.flatMap((page) => page.fields).map((field) => [field.name, field]));
  return relevantAgencies(journey, answers).map((agency) => {
    const rule = journey.routing[agency];
    const information = (rule?.fields ?? [])
      .filter((name) => Object.hasOwn(answers, name))
      .map((name) => fields.get(name))
      .filter((field) => field !== undefined)
      .map(errorName);
    return {
      agency,
      name: agencies[agency].name,
      purpose: rule?.purpose ?? '',
      required: rule?.required ?? false,
      information,
    };
  });
}
