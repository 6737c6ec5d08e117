import type { AgencyKind } from './agency-descriptions.js';

/**
 * What an officer's notification page may say about a report beyond its routed answers:
 * - `channel`: how it was made (online, with an adviser on the phone, or face to face);
 * - `adviser`: for an assisted report, the customer centre's adviser by staff id (never their name
 *   or email: they work for another organisation) and the identity checks they recorded;
 * - `uprn`: the Unique Property Reference Number of a routed address, for kinds that keep their
 *   records by property (council tax, the electoral register, tenancies). A kind without it is not
 *   sent the UPRN at all: its payloads (pull API, webhook, file) carry addresses without one;
 * - `handling`: who at the organisation acknowledged and actioned it (a colleague by display name,
 *   or email address without one; a system by its API key's name), and when;
 * - `targets`: the last days to acknowledge and to act on it.
 */
export const reportFacts = ['channel', 'adviser', 'uprn', 'handling', 'targets'] as const;

/** One of {@link reportFacts}. */
export type ReportFact = (typeof reportFacts)[number];

/**
 * The facts each kind of organisation is shown. A GP practice or Jobcentre Plus finds its patient or
 * claimant by name, date of birth and number, not by property, so neither is shown or sent a UPRN.
 */
export const reportFactsFor: Readonly<Record<AgencyKind, readonly ReportFact[]>> = {
  council: reportFacts,
  'gp-practice': ['channel', 'adviser', 'handling', 'targets'],
  'housing-provider': reportFacts,
  jobcentre: ['channel', 'adviser', 'handling', 'targets'],
};

/** True when organisations of this kind are shown the fact. */
export function showsFact(kind: AgencyKind, fact: ReportFact): boolean {
  return reportFactsFor[kind].includes(fact);
}
