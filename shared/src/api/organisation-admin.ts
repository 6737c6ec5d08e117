import { z } from 'zod';
import { agencyKindSchema, type AgencyKind } from '../agencies/agency-kinds.js';
import { verificationLevelSchema } from '../verification/verification.js';
import { organisationInputSchema, type Organisation } from './organisations.js';

/**
 * The shape of each kind's official code, where the kind has one: a council's GSS code (a country
 * letter and eight digits, E09000022), a GP practice's NHS ODS code (a letter and five digits,
 * Y01234), a landlord's Regulator of Social Housing number (L4567 or 4857) or, for a council's own
 * landlord service, the council's GSS code. A Jobcentre's code is the DWP's own, any shape.
 */
export const organisationCodeShapes: Readonly<Record<AgencyKind, { pattern: RegExp; message: string } | undefined>> = {
  council: {
    pattern: /^[ENSW]\d{8}$/,
    message: 'Enter the council’s GSS code: a letter and 8 numbers, like E09000022',
  },
  'gp-practice': {
    pattern: /^[A-Z]\d{5}$/,
    message: 'Enter the practice’s NHS ODS code: a letter and 5 numbers, like Y01234',
  },
  'housing-provider': {
    pattern: /^(L?\d{4,5}|[ENSW]\d{8})$/,
    message: 'Enter the Regulator of Social Housing number, like L4567, or the council’s GSS code, like E09000022',
  },
  jobcentre: undefined,
};

/** The message for a code of the wrong shape for its kind, or undefined when it is well formed (or absent). */
export function organisationCodeProblem(kind: AgencyKind, code: string | undefined): string | undefined {
  const shape = organisationCodeShapes[kind];
  return code !== undefined && shape && !shape.pattern.test(code) ? shape.message : undefined;
}

const days = (what: string) =>
  z.coerce
    .number({ error: `Enter the working days to ${what} as a number, like 5` })
    .int({ error: `Enter the working days to ${what} as a whole number, like 5` })
    .min(0, { error: `The working days to ${what} must be 0 or more` })
    .max(365, { error: `The working days to ${what} must be 365 or fewer` });

/** An organisation's own service-level targets, in working days from delivery. */
export const organisationTargetsSchema = z
  .strictObject({ acknowledgeDays: days('acknowledge'), actionDays: days('action') })
  .refine((target) => target.acknowledgeDays <= target.actionDays, {
    error: 'The working days to action must be at least the working days to acknowledge',
    path: ['actionDays'],
  });

/**
 * What an admin sets for one organisation, each overriding its kind's configured default (the
 * `TARGET_*` and `VERIFICATION_MINIMUMS` environment): absent means the default.
 */
export const organisationSettingsSchema = z.strictObject({
  targets: organisationTargetsSchema.optional(),
  verificationMinimum: verificationLevelSchema.optional(),
});

/** An organisation's own settings. */
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

/**
 * An organisation as admins see it: the directory entry and its settings. Written out (not derived
 * from the input schemas), since an answer is encoded and the inputs' blank-to-absent steps only decode.
 */
export const adminOrganisationSchema = z.object({
  id: z.uuid(),
  kind: agencyKindSchema,
  name: z.string(),
  code: z.string().optional(),
  areas: z.array(z.string()),
  postcode: z.string().optional(),
  custodianCode: z.string().optional(),
  /** The kind's fallback organisation: told when no particular organisation of the kind is chosen. */
  fallback: z.boolean(),
  enabled: z.boolean(),
  settings: z.object({
    targets: z.object({ acknowledgeDays: z.int(), actionDays: z.int() }).optional(),
    verificationMinimum: verificationLevelSchema.optional(),
  }),
}) satisfies z.ZodType<Organisation & { settings: OrganisationSettings }>;

/** An organisation as admins see it. */
export type AdminOrganisation = z.infer<typeof adminOrganisationSchema>;

/** Adding an organisation: what the directory says of it, and its settings. */
export const addOrganisationRequestSchema = organisationInputSchema.extend({
  settings: organisationSettingsSchema.default({}),
});

/** Adding an organisation. */
export type AddOrganisationRequest = z.infer<typeof addOrganisationRequestSchema>;

/** Changing an organisation: all of it again, but its kind (its notifications, keys and accounts are of that kind). */
export const changeOrganisationRequestSchema = addOrganisationRequestSchema.omit({ kind: true });

/** Changing an organisation. */
export type ChangeOrganisationRequest = z.infer<typeof changeOrganisationRequestSchema>;

/** Disabling or enabling an organisation again. */
export const organisationEnabledRequestSchema = z.strictObject({ enabled: z.boolean() });

/** The directory's admin list: one kind, and a search of names and codes. */
export const organisationListQuerySchema = z.strictObject({
  kind: z.preprocess((v) => (v === '' ? undefined : v), agencyKindSchema.optional()),
  q: z.string().trim().max(100, { error: 'Search for 100 characters or fewer' }).optional(),
});

/** The directory's admin list filters. */
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
