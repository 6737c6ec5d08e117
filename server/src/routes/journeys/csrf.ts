import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The name of the hidden field every resident form carries. */
export const csrfFieldName = '_csrf';

/** This session's anti-forgery token, made on first use. */
export function csrfToken(request: FastifyRequest): string {
  const existing = request.session.get('csrfToken');
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  request.session.set('csrfToken', token);
  return token;
}

function tokenMatches(expected: string | undefined, presented: unknown): boolean {
  if (!expected || typeof presented !== 'string') return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(presented)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses a form post whose token is not this session's. SameSite=Lax already keeps the cookie off
 * cross-site posts; the token also covers old browsers and same-site attackers. A session that has
 * expired fails here too, so the page says so in words a resident understands.
 */
export async function verifyCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.method !== 'POST') return;
  const body = request.body as Record<string, unknown> | undefined;
  if (tokenMatches(request.session.get('csrfToken'), body?.[csrfFieldName])) return;
  request.log.info('form post refused: missing or wrong anti-forgery token');
  await reply.code(403).page({ page: 'session-expired', props: {} });
}
