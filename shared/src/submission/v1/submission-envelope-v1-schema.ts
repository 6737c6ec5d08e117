import { z } from 'zod';
import { agencyKindSchema } from '../../agencies/agency-kinds.js';
import { deliveryRoleSchema } from '../../agencies/delivery-roles.js';
import { canonicalReferenceSchema } from '../../identifiers/reference.js';
import type { LifeEventId } from '../../journeys/catalogue.js';
import { catalogue, lifeEventIds } from '../../journeys/catalogue.js';
import { answersSchema } from '../../journeys/engine/answers-schema.js';
import { nonEmpty } from '../../util/non-empty.js';
import { assistedModes } from '../../api/staff-session.js';
import { channelSchema, languageSchema } from '../channel.js';

/** The resident's choice about one relevant agency, with the exact purpose text they were shown. */
export const consentRecordSchema = z.strictObject({
  agency: agencyKindSchema,
  given: z.boolean(),
  purposeText: z.string().min(1),
  /**
   * Which wording of the purpose this was: `sha256:` and the first 16 hex digits of a SHA-256 of
   * `purposeText`, so records can be grouped by the wording residents saw. Absent on envelopes
   * written before it was recorded.
   */
  purposeVersion: z
    .string()
    .regex(/^sha256:[0-9a-f]{16}$/)
    .optional(),
  /**
   * The organisation told, from the directory, when consent was given: the one the resident picked
   * or the kind's fallback. Absent where consent was not given, and on envelopes written before the
   * directory (each went to its kind's one agency).
   */
  organisation: z.strictObject({ id: z.uuid(), name: z.string().min(1) }).optional(),
  /**
   * When a move spans two organisations of the kind (the old council and the new), each has its own
   * record with its role, purpose and organisation, and gets only its part's fields. A record with
   * no role (every record before roles were recorded) is the kind's only one: its rule's fields.
   */
  role: deliveryRoleSchema.optional(),
});

/** The resident's choice about one relevant agency. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * Who made the consent choices: the resident themselves, or an adviser on the resident's behalf
 * (an assisted submission), with how they were helping and that the resident agreed to it.
 */
export const consentGivenBySchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('resident') }),
  z.strictObject({
    by: z.literal('adviser'),
    onBehalfOf: z.literal('resident'),
    staffId: z.uuid(),
    mode: z.enum(assistedModes),
    residentAgreed: z.literal(true),
  }),
]);

/** Who made the consent choices of a submission. */
export type ConsentGivenBy = z.infer<typeof consentGivenBySchema>;

function envelopeFor(lifeEvent: LifeEventId) {
  return z.strictObject({
    schemaVersion: z.literal(1),
    reference: canonicalReferenceSchema,
    lifeEvent: z.literal(lifeEvent),
    submittedAt: z.iso.datetime({ offset: true }),
    channel: channelSchema,
    /** The language the resident used, so agencies can reply in it where they can. */
    language: languageSchema.optional(),
    consent: z.array(consentRecordSchema),
    /** Absent on envelopes written before it was recorded. */
    consentGivenBy: consentGivenBySchema.optional(),
    answers: answersSchema(catalogue[lifeEvent]),
  });
}

/** One record per kind, or one per role of a kind (never both: the roles share one choice). */
function consentRecordedOnce(envelope: { consent: ConsentRecord[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  envelope.consent.forEach((record, index) => {
    const keys = record.role
      ? [record.agency, `${record.agency}:${record.role}`]
      : [record.agency, `${record.agency}:`];
    const clash = record.role ? seen.has(`${record.agency}:`) || seen.has(keys[1] ?? '') : seen.has(record.agency);
    if (clash)
      ctx.addIssue({
        code: 'custom',
        path: ['consent', index, 'agency'],
        message: `Consent for "${record.agency}" is recorded twice`,
      });
    for (const key of keys) seen.add(key);
  });
}

/**
 * Version 1 of the submission envelope: what was submitted, when, how, what the resident agreed
 * to, and the normalised answers, checked against the life event's journey. Agency payloads are
 * derived from it, never from raw form state. Frozen: a breaking change is a `v2` beside it.
 */
export const submissionEnvelopeV1Schema = z
  .discriminatedUnion('lifeEvent', nonEmpty(lifeEventIds.map(envelopeFor)), {
    error: 'Select a life event from the list',
  })
  .superRefine(consentRecordedOnce);

/**
 * {@link submissionEnvelopeV1Schema} but for its answers, which it takes as they are: for an
 * envelope built around answers that are already the output of the life event's answers schema
 * (a request parsed by `createSubmissionRequestSchema`), so they are not checked a second time.
 */
export const submissionEnvelopeV1AroundCheckedAnswersSchema = z
  .discriminatedUnion(
    'lifeEvent',
    nonEmpty(
      lifeEventIds.map((lifeEvent) => envelopeFor(lifeEvent).extend({ answers: z.record(z.string(), z.unknown()) })),
    ),
    { error: 'Select a life event from the list' },
  )
  .superRefine(consentRecordedOnce);

/** A version 1 submission envelope. */
export type SubmissionEnvelopeV1 = z.infer<typeof submissionEnvelopeV1Schema>;
