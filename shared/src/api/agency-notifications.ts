import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { canonicalReferenceSchema } from '../identifiers/reference.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { channelSchema } from '../submission/channel.js';
import { verificationSchema } from '../verification/verification.js';
import { erasureKinds } from './erasure-kinds.js';
import { withdrawnSchema } from './withdrawals.js';

// The payload is read back as stored (any version, `{}` once its answers are erased), so it is
// checked as a record; its documented shape is given to the OpenAPI document alone.
const documented = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'output' });
  return rest;
};
const payloadProperties = {
  reference: { type: 'string', description: "The report's reference (`TUO-XXXX-XXXX`)" },
  lifeEvent: { type: 'string', description: 'The life event, as in the catalogue' },
  submittedAt: { type: 'string', format: 'date-time' },
  channel: { ...documented(channelSchema), description: 'How the report was made' },
  answers: { type: 'object', description: 'Only the answered fields in your routing rule for this life event' },
  verification: {
    ...documented(verificationSchema),
    description:
      'How far the report was checked before it was sent to you: `level` by the one rule in shared/src/verification (the highest level any check reaches: `contact-confirmed` and `adviser-checked` low, `identity-documents-seen` medium, `trusted-submitter` and `staff-check` their own `level`; raised one step by `registrar-reference-given`; `evidence-given` raises nothing), each check `{ kind, by, at }` and the channel. Absent only on notifications sent before it was recorded.',
  },
  unplacedAddresses: {
    type: 'array',
    items: {
      type: 'object',
      properties: { field: { type: 'string' }, reason: { type: 'string' } },
      required: ['field', 'reason'],
    },
    description:
      "Only to the council team (the council kind's fallback organisation): each routed address (`field`, one of `answers`) that could not be placed in any council's area, which is why the report came to you, with that said in words (`reason`). Pass the report on to the council it belongs to.",
  },
};

/**
 * An agency's own case reference for a notification (a council tax account change number, say):
 * short, one line, letters, digits and a little punctuation, so it is safe on every page.
 * The database checks the same limits (migrations/2026-12-01-0500-agency-reference.ts).
 */
export const agencyReferenceSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter your reference' })
  .max(64, { error: 'Your reference must be 64 characters or fewer' })
  .regex(/^[\p{L}\p{N} ._/#:()-]+$/u, {
    error: 'Your reference can only include letters, numbers, spaces and . _ / # : ( ) -',
  })
  .meta({
    description: 'Your own case reference for this notification; the resident sees it when tracking their report',
  });

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
    agencyReference: z.string().nullable().meta({
      description:
        'Your own case reference, once you have given one (in your webhook\'s 2xx answer as `{"reference": …}`, or when acknowledging or actioning)',
    }),
    missedTargets: z.array(z.enum(['acknowledge', 'action'])).meta({
      description:
        'Service-level targets this notification has missed (acknowledge within, action within so many working days); webhook agencies are also sent `{agency}.notification.target_missed`',
    }),
    withdrawn: withdrawnSchema,
    answersErased: z
      .strictObject({
        at: z.iso.datetime({ offset: true }).meta({ description: "When the resident's personal answers were erased" }),
        kind: z.enum(erasureKinds).meta({
          description:
            '`request`: early, at the resident’s request (by an admin); `retention`: at the end of the retention period; `unconfirmed`: the report was never confirmed',
        }),
      })
      .optional()
      .meta({
        description:
          "Present once the resident's personal answers were erased: `payload` is then empty, and was not sent to you if you had not received it yet",
      }),
    corrections: z
      .array(
        z.strictObject({
          at: z.iso.datetime({ offset: true }).meta({ description: 'When the customer centre corrected the report' }),
          fields: z.array(z.string()).meta({
            description: "The names of the fields of your `payload.answers` it changed (never another agency's)",
          }),
        }),
      )
      .optional()
      .meta({
        description:
          'Present once the customer centre has corrected, after this notification reached you, answers routed to you; oldest first. `payload` already holds the corrected values: check anything you did with the earlier ones. A correction touching none of your fields is not listed. Webhook agencies are also sent `{agency}.notification.corrected`',
      }),
    possibleDuplicateOf: canonicalReferenceSchema.nullable().meta({
      description:
        "Another report of the same event (for a death: the same name, date of birth and date of death; for a birth, the baby's) made within 90 days of this one, found by keyed hashes: check before acting twice. A later report names the first; the first names the one after it. Worked out when read, so an earlier notification gains it once a later report arrives",
    }),
    payload: z.record(z.string(), z.unknown()).meta({
      description: 'Exactly the fields routed to this agency (see the life event catalogue)',
      properties: payloadProperties,
    }),
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

/** `POST /api/agency/notifications/:id/acknowledge` body (optional). */
export const acknowledgeRequestSchema = z.object({ reference: agencyReferenceSchema.optional() });

/** `POST /api/agency/notifications/:id/actioned` body. */
export const actionedRequestSchema = z.object({
  outcome: z
    .string()
    .trim()
    .min(1, { error: 'Say what was done' })
    .max(2000, { error: 'Outcome must be 2000 characters or fewer' }),
  reference: agencyReferenceSchema.optional(),
});
