import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { canonicalReferenceSchema } from '../identifiers/reference.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { withdrawnSchema } from './withdrawals.js';

/** Where a notification is, from the agency's side. */
export const agencyNotificationStatusSchema = z.enum(['delivered', 'acknowledged', 'actioned']);

/** One notification in an agency's inbox: its routed payload and its state. */
export const agencyNotificationSchema = z
  .object({
    id: z.uuid().meta({
      description: 'Stable id of this notification; the webhook-id of a pushed copy is `msg_` + the id without dashes',
    }),
    reference: canonicalReferenceSchema,
    lifeEvent: lifeEventIdSchema,
    agency: agencyKindSchema,
    status: agencyNotificationStatusSchema,
    deliveredAt: z.iso.datetime({ offset: true }),
    acknowledgedAt: z.iso.datetime({ offset: true }).nullable(),
    actionedAt: z.iso.datetime({ offset: true }).nullable(),
    outcome: z.string().nullable(),
    missedTargets: z.array(z.enum(['acknowledge', 'action'])).meta({
      description:
        'Service-level targets this notification has missed (acknowledge within, action within so many working days); webhook agencies are also sent `{agency}.notification.target_missed`',
    }),
    withdrawn: withdrawnSchema,
    possibleDuplicateOf: canonicalReferenceSchema.nullable().meta({
      description:
        "Another report of the same event (for a death: the same name, date of birth and date of death; for a birth, the baby's) made within 90 days of this one, found by keyed hashes: check before acting twice. A later report names the first; the first names the one after it. Worked out when read, so an earlier notification gains it once a later report arrives",
    }),
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Exactly the fields routed to this agency (see the life event catalogue)' }),
  })
  .meta({ id: 'AgencyNotification' });

/** One notification as an agency sees it. */
export type AgencyNotification = z.infer<typeof agencyNotificationSchema>;

/** `GET /api/agency/notifications` query. */
export const agencyNotificationsQuerySchema = z.object({
  after: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page; omit to start from the beginning' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET /api/agency/notifications` response: a page in a stable order, and where to carry on. */
export const agencyNotificationsPageSchema = z.object({
  notifications: z.array(agencyNotificationSchema),
  nextCursor: z.string().meta({
    description: 'Pass as `after` to get what came next; the same cursor is returned when there is nothing new yet',
  }),
});

/** `POST /api/agency/notifications/:id/actioned` body. */
export const actionedRequestSchema = z.object({
  outcome: z
    .string()
    .trim()
    .min(1, { error: 'Say what was done' })
    .max(2000, { error: 'Outcome must be 2000 characters or fewer' }),
});
