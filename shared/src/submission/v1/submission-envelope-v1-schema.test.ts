import { describe, expect, it } from 'vitest';
import { createSubmissionRequestSchema } from '../../api/submissions.js';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { lifeEventIds } from '../../journeys/catalogue.js';
import { createSubmissionEnvelopeV1 } from './create-envelope-v1.js';
import {
  submissionEnvelopeV1AroundCheckedAnswersSchema,
  submissionEnvelopeV1Schema,
} from './submission-envelope-v1-schema.js';
import { toAgencyPayload } from './to-agency-payload.js';

describe('submission envelope v1', () => {
  it.each(lifeEventIds)(
    'is built from the %s example, recording consent and purpose for each relevant agency',
    (id) => {
      const request = createSubmissionRequestSchema.parse(exampleSubmissions[id]);
      const envelope = createSubmissionEnvelopeV1(request, {
        reference: 'TUO-7K3M-9Q2M',
        submittedAt: new Date('2025-06-15T10:00:00Z'),
      });
      expect(envelope).toMatchObject({
        schemaVersion: 1,
        lifeEvent: id,
        submittedAt: '2025-06-15T10:00:00.000Z',
        channel: 'online',
      });
      expect(envelope.consent.every((record) => record.purposeText.length > 0)).toBe(true);
      expect(envelope.consent.filter((record) => record.given).map((record) => record.agency)).toEqual(request.consent);
      expect(submissionEnvelopeV1Schema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
    },
  );

  it("is the same envelope when the request's answers were checked already, and still refuses consent recorded twice", () => {
    const request = createSubmissionRequestSchema.parse(exampleSubmissions['someone-died']);
    const meta = { reference: 'TUO-7K3M-9Q2M', submittedAt: new Date('2025-06-15T10:00:00Z') };
    const envelope = createSubmissionEnvelopeV1(request, { ...meta, answersChecked: true });
    expect(envelope).toEqual(createSubmissionEnvelopeV1(request, meta));
    const twice = { ...envelope, consent: [...envelope.consent, envelope.consent[0]] };
    expect(submissionEnvelopeV1AroundCheckedAnswersSchema.safeParse(twice).error?.issues[0]?.message).toBe(
      'Consent for "council" is recorded twice',
    );
    expect(submissionEnvelopeV1AroundCheckedAnswersSchema.safeParse({ ...envelope, reference: 'nope' }).success).toBe(
      false,
    );
  });

  it('records a relevant agency the resident left out as not given, and sends it nothing', () => {
    const request = createSubmissionRequestSchema.parse({
      ...exampleSubmissions['someone-died'],
      consent: ['council', 'gp-practice'],
    });
    const envelope = createSubmissionEnvelopeV1(request, { reference: 'TUO-7K3M-9Q2M', submittedAt: new Date() });
    expect(envelope.consent.find((record) => record.agency === 'housing-provider')?.given).toBe(false);
    expect(toAgencyPayload(envelope, 'housing-provider')).toBeUndefined();
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

  it('records the version of each purpose text and who consented, on whose behalf', () => {
    const request = createSubmissionRequestSchema.parse(exampleSubmissions['baby-born']);
    const staffId = '6f1c1e2a-4d7b-4c55-9a3e-2b1f0c9d8e7a';
    const envelope = createSubmissionEnvelopeV1(request, {
      reference: 'TUO-7K3M-9Q2M',
      submittedAt: new Date(),
      purposeVersion: (text) => `sha256:${text.length.toString(16).padStart(16, '0')}`,
      consentGivenBy: { by: 'adviser', onBehalfOf: 'resident', staffId, mode: 'phone', residentAgreed: true },
    });
    expect(envelope.consent.every((record) => /^sha256:[0-9a-f]{16}$/.test(record.purposeVersion ?? ''))).toBe(true);
    expect(envelope.consentGivenBy).toEqual({
      by: 'adviser',
      onBehalfOf: 'resident',
      staffId,
      mode: 'phone',
      residentAgreed: true,
    });
    expect(submissionEnvelopeV1Schema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
    // Envelopes written before these were recorded still read.
    const { consentGivenBy: _by, ...older } = envelope;
    expect(
      submissionEnvelopeV1Schema.safeParse({
        ...older,
        consent: older.consent.map(({ purposeVersion: _v, ...record }) => record),
      }).success,
    ).toBe(true);
  });
});

describe('a move between two councils in the v1 envelope', () => {
  const request = createSubmissionRequestSchema.parse(exampleSubmissions['moving-home']);
  const old = { id: '0b9c3c1e-1f0a-4d3e-9a55-1f1d3b8f0a11', name: 'Northbridge Borough Council' };
  const next = { id: '6c1b1b8e-8a1f-4c39-9a55-1f1d3b8f0a12', name: 'Southmere District Council' };
  const envelope = createSubmissionEnvelopeV1(request, {
    reference: 'TUO-7K3M-9Q2M',
    submittedAt: new Date('2025-06-15T10:00:00Z'),
    told: [
      { agency: 'council', role: 'leaving', organisation: old },
      { agency: 'council', role: 'joining', organisation: next },
    ],
  });

  it('records consent for each council by name, with its role and its own purpose', () => {
    const councils = envelope.consent.filter((record) => record.agency === 'council');
    expect(councils.map((record) => [record.role, record.organisation?.name])).toEqual([
      ['leaving', 'Northbridge Borough Council'],
      ['joining', 'Southmere District Council'],
    ]);
    expect(councils[0]?.purposeText).toMatch(/^So the council for your old address can close/);
    expect(councils[1]?.purposeText).toMatch(/^So the council for your new address can open/);
    expect(submissionEnvelopeV1Schema.parse(JSON.parse(JSON.stringify(envelope)))).toEqual(envelope);
  });

  it("gives each council only its part's fields, and the kind's one record all of them", () => {
    expect(Object.keys(toAgencyPayload(envelope, 'council', 'leaving')?.answers ?? {})).toContain('councilTaxAccount');
    expect(toAgencyPayload(envelope, 'council', 'leaving')?.answers).not.toHaveProperty('paysCouncilTax');
    expect(toAgencyPayload(envelope, 'council', 'joining')?.answers).toHaveProperty('paysCouncilTax');
    expect(toAgencyPayload(envelope, 'council', 'joining')?.answers).not.toHaveProperty('councilTaxAccount');
    expect(toAgencyPayload(envelope, 'council', 'joining')?.role).toBe('joining');
    // No record without a role: nothing goes to "the council" as one.
    expect(toAgencyPayload(envelope, 'council')).toBeUndefined();
  });

  it('refuses a role recorded twice, or a role beside a record of the whole kind', () => {
    const leaving = envelope.consent.find((record) => record.role === 'leaving');
    const { role: _role, ...whole } = leaving ?? { agency: 'council', given: true, purposeText: 'x' };
    for (const extra of [leaving, whole])
      expect(
        submissionEnvelopeV1Schema.safeParse({ ...envelope, consent: [...envelope.consent, extra] }).error?.issues[0]
          ?.message,
      ).toMatch(/recorded twice/);
  });
});
