import { verificationLevelSchema, verificationLevels } from '../verification/verification.js';
import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { canonicalReferenceSchema } from '../identifiers/reference.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { agencyNotificationSchema, agencyNotificationStatusSchema } from './agency-notifications.js';

/**
 * Roles of people at an agency, least to most trusted: agency users work the notifications;
 * agency admins also manage their agency's API keys and webhook secret.
 */
export const agencyRoles = ['agency-user', 'agency-admin'] as const;

/** One of {@link agencyRoles}. */
export type AgencyRole = (typeof agencyRoles)[number];

/** Validates an agency role. */
export const agencyRoleSchema = z.enum(agencyRoles);

/** True when `role` may do what `needed` may. */
export function agencyRoleAtLeast(role: AgencyRole, needed: AgencyRole): boolean {
  return agencyRoles.indexOf(role) >= agencyRoles.indexOf(needed);
}

/** The signed-in agency user, as the portal shows them. */
export const agencyUserSchema = z.strictObject({
  id: z.uuid(),
  email: z.string(),
  role: agencyRoleSchema,
  /** The kind of organisation they work for. */
  agency: agencyKindSchema,
  /** The organisation they work for: they see its notifications and no other's. */
  organisation: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    /** The kind's fallback organisation (the one the kind's configured webhook belongs to). */
    fallback: z.boolean(),
  }),
});

/** The signed-in agency user. */
export type AgencyUser = z.infer<typeof agencyUserSchema>;

/** The work list's tabs: one status, or everything. */
export const workListStatuses = ['delivered', 'acknowledged', 'actioned', 'all'] as const;

/** The portal's work list filters (query string of `/agency/notifications` and its CSV export). */
export const workListQuerySchema = z.strictObject({
  status: z.enum(workListStatuses).default('delivered'),
  lifeEvent: lifeEventIdSchema.optional(),
  /** First day delivered, inclusive, UK time. */
  from: z.iso.date({ error: 'Delivered from must be a real date' }).optional(),
  /** Last day delivered, inclusive, UK time. */
  to: z.iso.date({ error: 'Delivered to must be a real date' }).optional(),
  /** Only notifications whose report was checked to this level (as their payload's `verification.level`). */
  level: z.enum(verificationLevels).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Work list filters. */
export type WorkListQuery = z.infer<typeof workListQuerySchema>;

/** One row of the work list: what the notification is and where it stands, without the payload. */
export const workListItemSchema = z.strictObject({
  id: z.uuid(),
  reference: canonicalReferenceSchema,
  lifeEvent: lifeEventIdSchema,
  status: agencyNotificationStatusSchema,
  deliveredAt: z.iso.datetime({ offset: true }),
  acknowledgedAt: z.iso.datetime({ offset: true }).nullable(),
  actionedAt: z.iso.datetime({ offset: true }).nullable(),
  missedTargets: agencyNotificationSchema.shape.missedTargets,
  possibleDuplicateOf: agencyNotificationSchema.shape.possibleDuplicateOf,
  withdrawn: agencyNotificationSchema.shape.withdrawn,
  /** True once answers it was sent were corrected after it was sent (its `corrections`), so the list tags it. */
  corrected: z.boolean(),
  /** How far the report was checked when it was sent (null for one sent before levels). */
  verificationLevel: verificationLevelSchema.nullable(),
});

/** One row of the work list. */
export type WorkListItem = z.infer<typeof workListItemSchema>;

/** One routed field of a notification, labelled from the catalogue. */
export interface PayloadRow {
  label: string;
  lines: string[];
}

/** An agency system's API key as listed (never the key itself). */
export const agencyApiKeySchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart' }),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'AgencyApiKey' });

/** An API key as listed. */
export type AgencyApiKey = z.infer<typeof agencyApiKeySchema>;

/** Creating an API key: a name saying which system uses it. */
export const createApiKeyRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter a name for the key' })
    .max(100, { error: 'Name must be 100 characters or fewer' }),
});

/** A new key, shown once. */
export const createdApiKeySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  key: z.string().meta({ description: 'The key itself: shown only now, stored only as a hash' }),
});

/** A new webhook signing secret, shown once, and until when the one it replaces keeps signing. */
export const rotatedWebhookSecretSchema = z.strictObject({
  secret: z.string().meta({ description: 'The new Standard Webhooks secret (whsec_…): shown only now' }),
  previousRetiresAt: z.iso
    .datetime({ offset: true })
    .meta({ description: 'Until then, webhooks carry a signature by each secret' }),
});

/** A rotated webhook secret. */
export type RotatedWebhookSecret = z.infer<typeof rotatedWebhookSecretSchema>;

/** Whether the agency takes webhooks, and which secrets sign them now (never the secrets themselves). */
export const webhookSecretStatusSchema = z.strictObject({
  webhook: z.boolean().meta({ description: 'False when the agency reads its inbox instead' }),
  rotatedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .meta({ description: 'When the current secret was made; null while the configured one is current' }),
  retiring: z
    .array(z.iso.datetime({ offset: true }))
    .meta({ description: 'When each earlier secret that still signs stops' }),
});

/** The webhook secret's state. */
export type WebhookSecretStatus = z.infer<typeof webhookSecretStatusSchema>;
