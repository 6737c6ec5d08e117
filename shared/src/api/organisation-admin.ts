import { z } from 'zod';
import { agencyKindSchema, type AgencyKind } from '../agencies/agency-kinds.js';
import { verificationLevelSchema } from '../verification/verification.js';
import { organisationInputSchema, type Organisation } from './organisations.js';
import { isAllowedWebhookUrl } from './webhook-url.js';
import {
  channelIssues,
  organisationAlertSchema,
  organisationFileChannelSchema,
  primaryChannels,
  shownFileChannelSchema,
} from './organisation-channels.js';

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
 * An organisation's own webhook: where its notifications are pushed (https://, or http:// only to
 * this machine) and the Standard Webhooks secret that signs them. The secret is written only:
 * sealed when stored, never shown again; left out of a change, the stored one stays.
 */
export const organisationWebhookSchema = z.strictObject({
  url: z.string({ error: 'Enter the webhook address' }).trim().refine(isAllowedWebhookUrl, {
    error: 'Enter a webhook address starting https:// (plain http:// only to this machine)',
  }),
  secret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, {
      error: 'Enter the signing secret as Standard Webhooks writes it: whsec_ followed by base64',
    })
    .optional(),
});

/**
 * What an admin sets for one organisation, each overriding its kind's configured default (the
 * `TARGET_*`, `VERIFICATION_MINIMUMS` and `AGENCY_<KIND>_*` channel environment): absent means the
 * default. Its primary channel and the settings of that channel go together (`channelIssues`);
 * without a webhook or file the organisation reads its inbox (pull API or agency portal).
 */
export const organisationSettingsSchema = z
  .strictObject({
    targets: organisationTargetsSchema.optional(),
    verificationMinimum: verificationLevelSchema.optional(),
    /** How it is told (organisation-channels.ts); absent: its webhook or file if it has one, else its inbox. */
    primaryChannel: z.enum(primaryChannels, { error: 'Choose how the organisation is told' }).optional(),
    webhook: organisationWebhookSchema.optional(),
    file: organisationFileChannelSchema.optional(),
    alert: organisationAlertSchema.optional(),
  })
  .superRefine((settings, context) => {
    for (const issue of channelIssues(settings)) context.addIssue({ code: 'custom', ...issue });
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
    primaryChannel: z.enum(primaryChannels).optional(),
    /** Its own webhook's address (the secret is never shown). */
    webhook: z.object({ url: z.string() }).optional(),
    /** Its scheduled file, with the public key to authorise (the private key is never shown). */
    file: shownFileChannelSchema.optional(),
    alert: organisationAlertSchema.optional(),
  }),
}) satisfies z.ZodType<Organisation & { settings: Omit<OrganisationSettings, 'webhook' | 'file'> }>;

/** An organisation's settings as admins see them: no secret, no private key. */
export type ShownOrganisationSettings = z.infer<typeof adminOrganisationSchema>['settings'];

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
