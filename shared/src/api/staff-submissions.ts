import { z } from 'zod';
import { agencyKindSchema } from '../agencies/agency-kinds.js';
import { deliveryRoleSchema } from '../agencies/delivery-roles.js';
import { isValidNhsNumber, nhsNumberMessage } from '../identifiers/nhs-number.js';
import { isValidNiNumber, niNumberMessage } from '../identifiers/ni-number.js';
import { lifeEventIdSchema } from '../journeys/catalogue.js';
import { assistedModes, identityChecks } from './staff-session.js';
import { erasureKinds } from './erasure-kinds.js';

const timestamp = z.iso.datetime({ offset: true });

/** How the delivering worker handed a notification over: pushed by webhook, into its inbox, or into a scheduled file. */
export const deliveryTransports = ['webhook', 'inbox', 'file'] as const;

/** One of {@link deliveryTransports}. */
export type DeliveryTransport = (typeof deliveryTransports)[number];

/**
 * `GET /api/staff/search` query: any of these, all given must match (reference, name and postcode
 * partial and in any case; date of birth, NHS and NI numbers exactly).
 */
export const searchQuerySchema = z
  .strictObject({
    reference: z.string().trim().min(3, { error: 'Enter at least 3 characters of the reference' }).max(20).optional(),
    name: z.string().trim().min(2, { error: 'Enter at least 2 letters of the name' }).max(100).optional(),
    dateOfBirth: z.iso.date({ error: 'Enter a real date of birth' }).optional(),
    postcode: z.string().trim().min(2, { error: 'Enter at least 2 characters of the postcode' }).max(10).optional(),
    nhsNumber: z.string().trim().max(20).refine(isValidNhsNumber, { error: nhsNumberMessage }).optional(),
    niNumber: z.string().trim().max(20).refine(isValidNiNumber, { error: niNumberMessage }).optional(),
  })
  .refine((query) => Object.values(query).some((value) => typeof value === 'string'), {
    error: 'Enter a reference, name, date of birth, postcode, NHS number or National Insurance number',
    path: ['reference'],
  });

/** A search. */
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** One submission found. */
export const searchResultSchema = z.strictObject({
  reference: z.string(),
  lifeEvent: lifeEventIdSchema,
  channel: z.string(),
  submittedAt: timestamp,
  /** Each person the submission names, with whom they are in it ("The person who died"). */
  people: z.array(z.strictObject({ name: z.string(), role: z.string() })),
  postcodes: z.array(z.string()),
});

/** `GET /api/staff/search` response: newest first, at most 50. */
export const searchResponseSchema = z.strictObject({ results: z.array(searchResultSchema) });

/** A search's results. */
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** One attempt to hand a delivery over. */
export const deliveryAttemptSchema = z.strictObject({
  attempt: z.number().int(),
  startedAt: timestamp,
  durationMs: z.number().int(),
  outcome: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
});

/** What every view of one agency's delivery shows: where it stands, and its events and attempts. */
export const deliveryRecordSchema = z.strictObject({
  id: z.uuid(),
  agency: agencyKindSchema,
  /** The organisation told, by name (absent in records made before it was shown). */
  organisation: z.string().optional(),
  /** When a move tells two of the kind: `leaving` for the old council, `joining` for the new. */
  role: deliveryRoleSchema.optional(),
  transport: z.enum(deliveryTransports).nullable(),
  status: z.string(),
  statusChangedAt: timestamp,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Cancelled by a supervisor's check (it was held below the organisation's minimum): when, and the reason they gave. */
  rejectedAfterCheck: z.strictObject({ at: timestamp, reason: z.string() }).optional(),
  events: z.array(z.strictObject({ status: z.string(), at: timestamp, detail: z.string().nullable() })),
  attemptHistory: z.array(deliveryAttemptSchema),
});

/** One agency's delivery as {@link deliveryRecordSchema} has it. */
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** One agency's delivery, with its whole history. */
export const deliveryHistorySchema = deliveryRecordSchema.extend({
  nextAttemptAt: timestamp.nullable(),
  /** The Standard Webhooks id: the same on every attempt, retries by staff included. */
  webhookId: z.string(),
  /** The agency's own case reference, once it has given one. */
  agencyReference: z.string().nullable(),
  /** When someone at the organisation first opened it in the agency portal; null while unopened there. */
  firstOpenedAt: timestamp.nullable(),
  /** Service-level targets this notification has been flagged as missing. */
  missedTargets: z.array(z.enum(['acknowledge', 'action'])),
});

/** One agency's delivery and its history. */
export type DeliveryHistory = z.infer<typeof deliveryHistorySchema>;

/** A case note. */
export const caseNoteSchema = z.strictObject({
  id: z.uuid(),
  body: z.string(),
  createdAt: timestamp,
  staffEmail: z.string(),
  /** The author's display name, when their account has one. */
  staffName: z.string().nullable(),
});

/** A case note. */
export type CaseNote = z.infer<typeof caseNoteSchema>;

/** `GET /api/staff/submissions/:reference` response: everything staff may see about one submission. */
export const submissionViewSchema = z.strictObject({
  reference: z.string(),
  lifeEvent: lifeEventIdSchema,
  channel: z.string(),
  /** The language the resident used (`en`, `cy` ...): their confirmation was in it, and replies should be too. */
  language: z.string(),
  submittedAt: timestamp,
  /** Set when an adviser made it on the resident's behalf. */
  assisted: z
    .strictObject({
      staffId: z.string(),
      staffEmail: z.string().nullable(),
      /** The adviser's display name, when their account has one: staff see a colleague by it. */
      staffName: z.string().nullable(),
      mode: z.enum(assistedModes),
      identityChecks: z.array(z.enum(identityChecks)),
      consentConfirmed: z.boolean(),
    })
    .nullable(),
  /**
   * Set once the personal answers have been erased: on schedule ('retention'), by an admin
   * ('request'), or as the report was never confirmed ('unconfirmed').
   */
  erasure: z.strictObject({ at: timestamp, kind: z.enum(erasureKinds) }).nullable(),
  /** Set once the report is withdrawn: when, by whom ('resident' or 'staff') and why (never sent to the services). */
  withdrawn: z
    .strictObject({ at: timestamp, by: z.enum(['resident', 'staff']), reason: z.string().nullable() })
    .nullable(),
  /** Other reports of the same event within 90 days (matched by keyed hashes), oldest first: possible duplicates. */
  possibleDuplicates: z.array(z.strictObject({ reference: z.string(), submittedAt: timestamp })),
  answers: z.array(z.strictObject({ label: z.string(), lines: z.array(z.string()) })),
  deliveries: z.array(deliveryHistorySchema),
  notes: z.array(caseNoteSchema),
});

/** One submission as staff see it. */
export type SubmissionView = z.infer<typeof submissionViewSchema>;

/** `POST /api/staff/submissions/:reference/notes` body. */
export const caseNoteRequestSchema = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, { error: 'Enter the note' })
    .max(2000, { error: 'The note must be 2000 characters or fewer' }),
});

/** `POST /api/staff/deliveries/:id/handled-offline` body: how it was handled. */
export const handledOfflineRequestSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, { error: 'Enter how the agency was told' })
    .max(500, { error: 'Keep it to 500 characters or fewer' }),
});
