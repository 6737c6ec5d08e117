import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Console pages answer people with pages and redirects; everything else is the JSON API. */
export const isPage = (request: FastifyRequest) => !request.url.startsWith('/api/');

/** Why a console refused a request. */
export interface Refusal {
  status: 401 | 403;
  code: string;
  message: string;
}

/**
 * The part of a refusal both consoles share: the API answers problem+json, and a page visitor
 * without a session goes to the console's sign-in page. Returns false when the console must still
 * render its own 403 page (each has its own header and words).
 */
export async function refuseApiOrSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: Refusal,
  signInPath: string,
): Promise<boolean> {
  if (!isPage(request)) throw new AppError(refusal.status, refusal.code, refusal.message);
  if (refusal.status !== 401) return false;
  await reply.redirect(signInPath, 303);
  return true;
}
