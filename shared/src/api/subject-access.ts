import { z } from 'zod';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { consentGivenBySchema, consentRecordSchema } from '../submission/v1/submission-envelope-v1-schema.js';
import { auditEventSchema } from './admin-audit.js';
import { erasureKinds } from './erasure-kinds.js';
import { messageChannels, residentMessageKinds, residentMessageStatuses } from './resident-messages.js';
import { caseNoteSchema, deliveryRecordSchema } from './staff-submissions.js';

const timestamp = z.iso.datetime({ offset: true });

export { erasureKinds, type ErasureKind } from './erasure-kinds.js';

/** One agency's delivery in an export: its payload (as the agency received it) and its whole history. */
export const exportedDeliverySchema = deliveryRecordSchema.extend({
  deliveredAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  actionedAt: timestamp.nullable(),
  /** What was sent (or waits in the inbox); null before it is prepared and after erasure. */
  payload: z.record(z.string(), z.unknown()).nullable(),
});

/**
 * `GET /api/admin/submissions/:reference/export`: everything held about one submission, for a
 * subject access request. Protected identifiers appear opened; nothing is left out.
 */
export const subjectAccessExportSchema = z
  .strictObject({
    exportedAt: timestamp,
    submission: z.strictObject({
      id: z.uuid(),
      reference: z.string(),
      lifeEvent: lifeEventIdSchema,
      channel: z.string(),
      language: z.string(),
      schemaVersion: z.number().int(),
      submittedAt: timestamp,
      answersErasedAt: timestamp.nullable(),
      erasureKind: z.enum(erasureKinds).nullable(),
      erasureReason: z.string().nullable(),
    }),
    /** What the resident (or an adviser for them) agreed to, per agency, with the purpose text shown. */
    consent: z.array(consentRecordSchema),
    consentGivenBy: consentGivenBySchema.nullable(),
    /** The answers as stored (normalised), keyed by field name. */
    answers: z.record(z.string(), z.unknown()),
    /** The same answers as people read them: each question's label and the answer's lines. */
    answerSummary: z.array(z.strictObject({ label: z.string(), lines: z.array(z.string()) })),
    deliveries: z.array(exportedDeliverySchema),
    residentMessages: z.array(
      z.strictObject({
        id: z.uuid(),
        kind: z.enum(residentMessageKinds),
        channel: z.enum(messageChannels),
        status: z.enum(residentMessageStatuses),
        createdAt: timestamp,
        updatedAt: timestamp,
        error: z.string().nullable(),
      }),
    ),
    caseNotes: z.array(caseNoteSchema),
    /** The resident's requests to chase an agency, in their own words, and what staff replied. */
    chaseRequests: z.array(
      z.strictObject({
        agency: z.string(),
        target: z.string(),
        status: z.string(),
        requestedAt: timestamp,
        residentNote: z.string().nullable(),
        handledAt: timestamp.nullable(),
        staffNote: z.string().nullable(),
      }),
    ),
    auditEvents: z.array(auditEventSchema),
  })
  .meta({ id: 'SubjectAccessExport' });

/** Everything held about one submission. */
export type SubjectAccessExport = z.infer<typeof subjectAccessExportSchema>;

/** `POST /api/admin/submissions/:reference/erase` body: why it is erased before its time. */
export const eraseRequestSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Enter why the personal data is being erased early' })
    .max(500, { error: 'Keep the reason to 500 characters or fewer' }),
});

/** An early erasure's reason. */
export type EraseRequest = z.infer<typeof eraseRequestSchema>;

/** `POST /api/admin/submissions/:reference/erase` response. */
export const eraseResponseSchema = z.strictObject({ reference: z.string(), answersErasedAt: timestamp });
