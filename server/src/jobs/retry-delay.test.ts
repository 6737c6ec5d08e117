import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../adapters/transports/webhook-transport.js';
import { retryDelayMs } from './retry-delay.js';

const policy = { retryBaseMs: 1000, retryMaxMs: 60_000 };

describe('retryDelayMs', () => {
  it('doubles with each attempt, with jitter between half and all of the step', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(4, policy, undefined, () => 1)).toBe(8000);
  });

  it('never waits less than Retry-After nor more than the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, retryAfter, r) => {
          const delay = retryDelayMs(attempt, policy, retryAfter, () => r);
          expect(delay).toBeLessThanOrEqual(policy.retryMaxMs);
          expect(delay).toBeGreaterThanOrEqual(Math.min(retryAfter ?? 0, policy.retryMaxMs));
          expect(delay).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
