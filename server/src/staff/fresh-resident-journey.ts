import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { residentCookieName } from '../plugins/session.js';

/**
 * Forgets the resident journey held in this browser, so the next resident an adviser helps
 * starts with empty answers and never sees the last one's. The journey's session row is deleted
 * (its answers are personal data) and its cookie cleared.
 */
export async function forgetResidentJourney(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { secret: string; publicUrl: string },
): Promise<void> {
  const name = residentCookieName(options.publicUrl);
  const signed = fastifyCookie.parse(request.headers.cookie ?? '')[name];
  if (!signed) return;
  const unsigned = fastifyCookie.unsign(signed, options.secret);
  if (unsigned.valid && unsigned.value)
    await request.server.db.deleteFrom('sessions').where('sid', '=', unsigned.value).execute();
  void reply.clearCookie(name, { path: '/' });
}
