import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyKinds } from '../../agencies/agency-kinds.js';
import { exampleSubmissions } from '../../api/example-submissions.js';
import { catalogue, lifeEventIds } from '../../journeys/catalogue.js';
import { answersSchema } from '../../journeys/engine/answers-schema.js';
import { relevantAgencies, routedFields } from '../../journeys/engine/routing.js';
import { answersArbitrary } from '../../testing/answers-arbitrary.js';
import { agencyPayloadSchema } from './agency-payload-schema.js';
import type { SubmissionEnvelopeV1 } from './submission-envelope-v1-schema.js';
import { toAgencyPayload } from './to-agency-payload.js';

const today = '2025-06-15';

function envelope(
  lifeEvent: SubmissionEnvelopeV1['lifeEvent'],
  answers: SubmissionEnvelopeV1['answers'],
): SubmissionEnvelopeV1 {
  const journey = catalogue[lifeEvent];
  return {
    schemaVersion: 1,
    reference: 'TUO-7K3M-9Q2M',
    lifeEvent,
    submittedAt: '2025-06-15T10:00:00.000Z',
    channel: 'online',
    consent: relevantAgencies(journey, answers).map((agency) => ({
      agency,
      given: true,
      purposeText: journey.routing[agency]?.purpose ?? '',
    })),
    answers,
  };
}

// Every life event × every agency: nothing outside the agency's routing rule can reach it.
describe.each(lifeEventIds)('data minimisation for %s', (lifeEvent) => {
  const journey = catalogue[lifeEvent];

  it.each(agencyKinds)('%s receives only its routed fields, whatever the answers', (agency) => {
    const allowed = new Set(routedFields(journey, agency));
    const schema = agencyPayloadSchema(journey, agency);
    for (const fill of ['sometimes', 'always'] as const) {
      fc.assert(
        fc.property(
          answersArbitrary(journey, today, fill),
          fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,12}$/), fc.string()),
          (generated, junk) => {
            const answers = answersSchema(journey, { today }).parse(generated);
            // Junk smuggled into the envelope (as if a bug skipped validation) must not travel either.
            const payload = toAgencyPayload(envelope(lifeEvent, { ...junk, ...answers }), agency);
            if (!relevantAgencies(journey, answers).includes(agency)) return payload === undefined;
            if (!payload) return false;
            expect(Object.keys(payload).sort()).toEqual([
              'answers',
              'channel',
              'lifeEvent',
              'reference',
              'submittedAt',
            ]);
            expect(Object.keys(payload.answers).filter((name) => !allowed.has(name))).toEqual([]);
            expect(schema.safeParse(payload).error?.issues ?? []).toEqual([]);
            return true;
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it.each(agencyKinds)('the %s payload schema rejects any extra field', (agency) => {
    const schema = agencyPayloadSchema(journey, agency);
    const base = {
      reference: 'TUO-7K3M-9Q2M',
      lifeEvent,
      submittedAt: '2025-06-15T10:00:00.000Z',
      channel: 'online',
      answers: {},
    };
    expect(schema.safeParse(base).success).toBe(true);
    const notRouted = journey.pages
      .flatMap((page) => page.fields.map((field) => field.name))
      .filter((name) => !routedFields(journey, agency).includes(name));
    for (const name of [...notRouted, 'anythingElse']) {
      expect(schema.safeParse({ ...base, answers: { [name]: 'x' } }).success, `${agency} must reject ${name}`).toBe(
        false,
      );
    }
    expect(schema.safeParse({ ...base, consent: [] }).success).toBe(false);
  });

  it('sends nothing to an agency the resident did not agree to tell', () => {
    const { answers } = exampleSubmissions[lifeEvent];
    const withoutConsent = { ...envelope(lifeEvent, answers), consent: [] };
    for (const agency of agencyKinds) expect(toAgencyPayload(withoutConsent, agency)).toBeUndefined();
  });
});

// A GP practice and Jobcentre Plus find people by name and number, not by property (report-facts.ts).
describe('the UPRN of an address', () => {
  const journey = catalogue['moving-home'];
  const { answers } = exampleSubmissions['moving-home'];
  const address = { line1: '45 High Street', town: 'Bristol', postcode: 'BS1 2AW' };

  it.each(['gp-practice', 'jobcentre'] as const)(
    'is left out of the %s payload, and its schema refuses one',
    (agency) => {
      const payload = toAgencyPayload(envelope('moving-home', answers), agency);
      expect(payload?.answers.newAddress).toEqual(address);
      const schema = agencyPayloadSchema(journey, agency);
      expect(schema.safeParse(payload).success).toBe(true);
      const withUprn = {
        ...payload,
        answers: { ...payload?.answers, newAddress: { ...address, uprn: '100023336956' } },
      };
      expect(schema.safeParse(withUprn).success).toBe(false);
    },
  );

  it.each(['council', 'housing-provider'] as const)('is kept in the %s payload', (agency) => {
    const payload = toAgencyPayload(envelope('moving-home', answers), agency);
    expect(payload?.answers.newAddress).toEqual({ ...address, uprn: '100023336956' });
    expect(agencyPayloadSchema(journey, agency).safeParse(payload).success).toBe(true);
  });
});
