// No zod here: the browser's first page needs the names, not the validation.
/**
 * The kinds of organisation a submission can be routed to. They appear in the API, in payloads,
 * in webhook event types (`gp-practice.notification.created`) and in configuration names such as
 * `AGENCY_GP_PRACTICE_WEBHOOK_URL` (upper case, `-` as `_`).
 */
export const agencyKinds = ['council', 'gp-practice', 'housing-provider', 'jobcentre'] as const;

/** One of {@link agencyKinds}. */
export type AgencyKind = (typeof agencyKinds)[number];

/** How we describe an agency to a resident. */
export interface AgencyDescription {
  /** Plain-English name, used in sentences such as "We'll tell Your local council". */
  readonly name: string;
  /** One sentence on what the agency does for the resident. */
  readonly description: string;
}

/** Plain-English name and description of every agency, keyed by id. */
export const agencies: Readonly<Record<AgencyKind, AgencyDescription>> = {
  council: {
    name: 'Your local council',
    description:
      'Council tax, housing benefit, blue badges, bus passes, libraries, social care and the electoral register.',
  },
  'gp-practice': {
    name: 'Your GP and the NHS',
    description: 'Your GP practice and NHS health records.',
  },
  'housing-provider': {
    name: 'Your housing association or council landlord',
    description: 'The landlord of a council or housing association home.',
  },
  jobcentre: {
    name: 'Jobcentre Plus',
    description: 'Universal Credit, State Pension and other benefits from the Department for Work and Pensions.',
  },
};
