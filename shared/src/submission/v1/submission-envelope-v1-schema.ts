import { z } from 'zod';
import type { AgencyId } from '../../agencies/agency-ids.js';
import { agencyIdSchema } from '../../agencies/agency-ids.js';
import { canonicalReferenceSchema } from '../../identifiers/reference.js';
import type { LifeEventId } from '../../journeys/catalogue.js';
import { catalogue, lifeEventIds } from '../../journeys/catalogue.js';
import { answersSchema } from '../../journeys/engine/answers-schema.js';
import { nonEmpty } from '../../util/non-empty.js';
import { channelSchema, languageSchema } from '../channel.js';

/** The resident's choice about one relevant agency, with the exact purpose text they were shown. */
export const consentRecordSchema = z.strictObject({
  agency: agencyIdSchema,
  given: z.boolean(),
  purposeText: z.string().min(1),
});

/** The resident's choice about one relevant agency. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

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
    answers: answersSchema(catalogue[lifeEvent]),
  });
}

/**
 * Version 1 of the submission envelope: what was submitted, when, how, what the resident agreed
 * to, and the normalised answers, checked against the life event's journey. Agency payloads are
 * derived from it, never from raw form state. Frozen: a breaking change is a `v2` beside it.
 */
export const submissionEnvelopeV1Schema = z
  .discriminatedUnion('lifeEvent', nonEmpty(lifeEventIds.map(envelopeFor)), { error: 'Select a life event from the list' })
  .superRefine((envelope, ctx) => {
    const seen = new Set<AgencyId>();
    envelope.consent.forEach((record, index) => {
      if (seen.has(record.agency)) ctx.addIssue({ code: 'custom', path: ['consent', index, 'agency'], message: `Consent for "${record.agency}" is recorded twice` });
      seen.add(record.agency);
    });
  });

/** A version 1 submission envelope. */
export type SubmissionEnvelopeV1 = z.infer<typeof submissionEnvelopeV1Schema>;
