import { agencies, type AgencyKind } from '../agencies/agency-kinds.js';

/** The rules of consent a submission can break, each with its own message (see `createSubmissionRequestSchema`). */
export type ConsentRule = 'selected-twice' | 'not-relevant' | 'required' | 'none-relevant' | 'none-chosen';

/** Who is told a consent message: the resident choosing, or an adviser choosing with them on the phone or face to face. */
export type ConsentReader = 'resident' | 'adviser';

// An agency as an adviser names it to the resident ("Your local council" is the resident's own words).
const adviserNames: Record<AgencyKind, string> = {
  council: "the resident's local council",
  'gp-practice': "the resident's GP and the NHS",
  'housing-provider': "the resident's housing association or council landlord",
  jobcentre: 'Jobcentre Plus',
};

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const wording: Record<ConsentRule, Record<ConsentReader, (name: string) => string>> = {
  'selected-twice': {
    resident: (name) => `${name} is selected twice`,
    adviser: (name) => `${capitalised(name)} is selected twice`,
  },
  'not-relevant': {
    resident: (name) => `${name} does not need to know about this, based on your answers`,
    adviser: (name) => `${capitalised(name)} does not need to know about this, based on the resident's answers`,
  },
  required: {
    resident: (name) => `Select ${name}. We cannot make this change without telling them`,
    adviser: (name) => `Select ${name}. We cannot make this change without telling them`,
  },
  'none-relevant': {
    resident: () => 'Based on your answers, none of the services need to know about this',
    adviser: () => "Based on the resident's answers, none of the services need to know about this",
  },
  'none-chosen': {
    resident: () => 'Select at least one service to tell',
    adviser: () => 'Select at least one service to tell',
  },
};

/** A consent rule's message for its reader, naming the agency where the rule is about one. */
export function consentMessage(rule: ConsentRule, reader: ConsentReader, agency?: AgencyKind): string {
  const name = agency ? (reader === 'adviser' ? adviserNames[agency] : agencies[agency].name) : '';
  return wording[rule][reader](name);
}

/** What a consent issue carries beside its (resident's) message, so it can be worded again for an adviser. */
export interface ConsentIssueParams {
  consentRule: ConsentRule;
  agency?: AgencyKind;
}

/**
 * A consent issue's message for an adviser, from the rule and agency it carries; the issue's own
 * message for any other issue.
 */
export function adviserConsentMessage(issue: { message: string; params?: Record<string, unknown> }): string {
  const params = issue.params as Partial<ConsentIssueParams> | undefined;
  return params?.consentRule ? consentMessage(params.consentRule, 'adviser', params.agency) : issue.message;
}
