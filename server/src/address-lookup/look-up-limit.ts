import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Whether one more address look-up is allowed for this request's client address, and if not, for how long. */
export type LookUpLimit = (
  request: FastifyRequest,
) => Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;

/**
 * One counter per client address shared by every way of looking up a postcode (the API for pages
 * with JavaScript, "Find address" and "Use this address" without it), since each may cost a call
 * to OS Places: 30 a minute, whichever way they come.
 */
export function createLookUpLimit(app: FastifyInstance, max = 30): LookUpLimit {
  const limiter = app.createRateLimit({ max, timeWindow: '1 minute' });
  return async (request) => {
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return { allowed: true };
    return { allowed: false, retryAfterSeconds: result.ttlInSeconds };
  };
}
