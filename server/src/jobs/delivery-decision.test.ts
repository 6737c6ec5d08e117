import { describe, expect, it } from 'vitest';
import { decideDelivery } from './delivery-decision.js';

const finished = new Date('2026-11-23T10:00:00Z');
const context = {
  policy: { maxAttempts: 3, retryBaseMs: 1000, retryMaxMs: 60_000 },
  transport: 'webhook' as const,
  finished,
  random: () => 1,
};

describe('decideDelivery', () => {
  it('marks a 2xx delivered, with no error and no next attempt', () => {
    expect(decideDelivery({ kind: 'delivered', statusCode: 204 }, 1, context)).toEqual({
      status: 'delivered',
      error: null,
      detail: 'Accepted by the agency (204)',
      nextAttemptAt: null,
    });
    expect(decideDelivery({ kind: 'delivered' }, 1, { ...context, transport: 'inbox' }).detail).toBe(
      'Waiting in the agency inbox',
    );
  });

  it('keeps a notification held for a scheduled file queued, with no attempt of its own to schedule', () => {
    expect(
      decideDelivery({ kind: 'held', detail: 'Waiting for the file' }, 1, { ...context, transport: 'file' }),
    ).toEqual({ status: 'queued', error: null, detail: 'Waiting for the file', nextAttemptAt: null });
  });

  it('fails a refusal at once', () => {
    expect(decideDelivery({ kind: 'failed', statusCode: 400, error: 'refused (400)' }, 1, context)).toMatchObject({
      status: 'failed',
      error: 'refused (400)',
      nextAttemptAt: null,
    });
  });

  it('schedules the next attempt with backoff, honouring Retry-After', () => {
    expect(decideDelivery({ kind: 'retry', error: 'answered 503' }, 2, context)).toMatchObject({
      status: 'queued',
      nextAttemptAt: new Date(finished.getTime() + 2000),
    });
    expect(
      decideDelivery({ kind: 'retry', error: 'answered 429', retryAfterMs: 30_000 }, 1, context).nextAttemptAt,
    ).toEqual(new Date(finished.getTime() + 30_000));
  });

  it('gives up after the last attempt, saying so', () => {
    expect(decideDelivery({ kind: 'retry', error: 'answered 503' }, 3, context)).toMatchObject({
      status: 'failed',
      error: 'answered 503; gave up after 3 attempts',
      nextAttemptAt: null,
    });
  });
});
