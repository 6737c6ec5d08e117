import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** This session's anti-forgery token, made on first use and replaced at sign-in with the session. */
export function staffCsrfToken(request: FastifyRequest): string {
  const existing = request.session.get('staffCsrf');
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  request.session.set('staffCsrf', token);
  return token;
}

/** True when the presented anti-forgery token is this session's (compared in constant time). */
export function tokenMatches(expected: string | undefined, presented: unknown): boolean {
  if (!expected || typeof presented !== 'string') return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(presented)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when the request changes nothing, or carries this session's token as `_csrf` (forms) or
 * `x-csrf-token` (JSON). Call it once the body is parsed and before it is validated.
 */
export function carriesCsrfToken(request: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
  const body = request.body as Record<string, unknown> | undefined;
  const presented = request.headers['x-csrf-token'] ?? body?._csrf;
  return tokenMatches(request.session.get('staffCsrf'), presented);
}
