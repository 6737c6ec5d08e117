import { describe, expect, it } from 'vitest';
import { createSubmissionRequestSchema } from '../../api/submissions.js';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { lifeEventIds } from '../../journeys/catalogue.js';
import { createSubmissionEnvelopeV1 } from './create-envelope-v1.js';
import { submissionEnvelopeV1Schema } from './submission-envelope-v1-schema.js';
import { toAgencyPayload } from './to-agency-payload.js';

describe('submission envelope v1', () => {
  it.each(lifeEventIds)('is built from the %s example, recording consent and purpose for each relevant agency', (id) => {
    const request = createSubmissionRequestSchema.parse(exampleSubmissions[id]);
    const envelope = createSubmissionEnvelopeV1(request, { reference: 'TUO-7K3M-9Q2M', submittedAt: new Date('2025-06-15T10:00:00Z') });
    expect(envelope).toMatchObject({ schemaVersion: 1, lifeEvent: id, submittedAt: '2025-06-15T10:00:00.000Z', channel: 'online' });
    expect(envelope.consent.every((record) => record.purposeText.length > 0)).toBe(true);
    expect(envelope.consent.filter((record) => record.given).map((record) => record.agency)).toEqual(request.consent);
    expect(submissionEnvelopeV1Schema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
  });

  it('records a relevant agency the resident left out as not given, and sends it nothing', () => {
    const request = createSubmissionRequestSchema.parse({ ...exampleSubmissions['someone-died'], consent: ['council', 'nhs'] });
    const envelope = createSubmissionEnvelopeV1(request, { reference: 'TUO-7K3M-9Q2M', submittedAt: new Date() });
    expect(envelope.consent.find((record) => record.agency === 'housing')?.given).toBe(false);
    expect(toAgencyPayload(envelope, 'housing')).toBeUndefined();
    expect(toAgencyPayload(envelope, 'council')?.answers).not.toHaveProperty('nhsNumber');
  });

  it('rejects another schema version, a bad reference and duplicate consent records', () => {
    const request = createSubmissionRequestSchema.parse(exampleSubmissions['baby-born']);
    const envelope = createSubmissionEnvelopeV1(request, { reference: 'TUO-7K3M-9Q2M', submittedAt: new Date() });
    expect(submissionEnvelopeV1Schema.safeParse({ ...envelope, schemaVersion: 2 }).success).toBe(false);
    expect(submissionEnvelopeV1Schema.safeParse({ ...envelope, reference: 'TUO-7K3M-9Q2X' }).success).toBe(false);
    const duplicated = { ...envelope, consent: [...envelope.consent, ...envelope.consent.slice(0, 1)] };
    expect(submissionEnvelopeV1Schema.safeParse(duplicated).error?.issues[0]?.message).toMatch(/recorded twice/);
  });
});
