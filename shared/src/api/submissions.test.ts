import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lifeEventIds } from '../journeys/catalogue.js';
import { exampleSubmissions } from './example-submissions.js';
import { toFieldErrors } from './field-errors.js';
import {
  createSubmissionRequestSchema,
  createSubmissionResponseSchema,
  submissionStatusResponseSchema,
} from './submissions.js';

describe('POST /submissions request', () => {
  it.each(lifeEventIds)('accepts the %s example', (id) => {
    expect(createSubmissionRequestSchema.safeParse(exampleSubmissions[id]).error?.issues ?? []).toEqual([]);
  });

  it('defaults channel and language', () => {
    const body: Record<string, unknown> = { ...exampleSubmissions['moving-home'] };
    delete body.channel;
    delete body.language;
    expect(createSubmissionRequestSchema.parse(body)).toMatchObject({ channel: 'online', language: 'en' });
  });

  it('puts answer issues on paths that name the form field', () => {
    const body = {
      ...exampleSubmissions['someone-died'],
      answers: { ...exampleSubmissions['someone-died'].answers, dateOfDeath: undefined },
    };
    const issues = createSubmissionRequestSchema.safeParse(body).error?.issues ?? [];
    expect(issues).toMatchObject([{ path: ['answers', 'dateOfDeath'], message: 'Enter the date they died' }]);
    expect(toFieldErrors(issues, ['answers'])).toEqual([{ field: 'dateOfDeath', message: 'Enter the date they died' }]);
  });

  it('only lets consent name agencies relevant to the answers, once each', () => {
    const answers = { ...exampleSubmissions['someone-died'].answers, services: ['library'] };
    const result = createSubmissionRequestSchema.safeParse({
      ...exampleSubmissions['someone-died'],
      answers,
      consent: ['council', 'housing-provider', 'council'],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'consent.1',
        'Your housing association or council landlord does not need to know about this, based on your answers',
      ],
      ['consent.2', 'Your local council is selected twice'],
    ]);
  });

  it('needs at least one agency, and any the journey requires', () => {
    const body = exampleSubmissions['someone-moving-in-or-out'];
    expect(
      createSubmissionRequestSchema.safeParse({ ...body, consent: [] }).error?.issues.map((issue) => issue.message),
    ).toEqual([
      'Select Your local council. We cannot make this change without telling them',
      'Select at least one service to tell',
    ]);
    expect(createSubmissionRequestSchema.safeParse({ ...body, consent: ['jobcentre'] }).error?.issues).toHaveLength(1);
  });

  it('rejects an unknown life event and unknown top-level keys', () => {
    expect(
      createSubmissionRequestSchema.safeParse({ ...exampleSubmissions['baby-born'], lifeEvent: 'wedding' }).error
        ?.issues[0]?.message,
    ).toBe('Select a life event from the list');
    expect(createSubmissionRequestSchema.safeParse({ ...exampleSubmissions['baby-born'], admin: true }).success).toBe(
      false,
    );
  });

  it('can be documented as JSON Schema (request as input, responses as output)', () => {
    const request = JSON.stringify(z.toJSONSchema(createSubmissionRequestSchema, { io: 'input' }));
    expect(request).toContain('dateOfDeath');
    expect(() => z.toJSONSchema(createSubmissionResponseSchema)).not.toThrow();
    expect(() => z.toJSONSchema(submissionStatusResponseSchema)).not.toThrow();
  });
});

describe('responses', () => {
  it('accept well-formed bodies and reject a bad status', () => {
    expect(
      createSubmissionResponseSchema.safeParse({
        reference: 'TUO-7K3M-9Q2M',
        trackingSecret: 'a'.repeat(43),
        agencies: ['council', 'gp-practice'],
      }).success,
    ).toBe(true);
    const status = {
      reference: 'TUO-7K3M-9Q2M',
      lifeEvent: 'moving-home',
      submittedAt: '2025-06-15T10:00:00Z',
      withdrawn: null,
      agencies: [
        {
          agency: 'gp-practice',
          organisation: 'Riverside Surgery',
          status: 'delivered',
          changedAt: '2025-06-15T10:01:00Z',
          sentAt: '2025-06-15T10:01:00Z',
          receivedAt: null,
          acknowledgedAt: null,
          actionedAt: null,
          agencyReference: 'GP-1',
        },
      ],
    };
    expect(submissionStatusResponseSchema.safeParse(status).success).toBe(true);
    expect(
      submissionStatusResponseSchema.safeParse({ ...status, agencies: [{ ...status.agencies[0], status: 'lost' }] })
        .success,
    ).toBe(false);
  });
});
