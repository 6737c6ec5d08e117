import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { isPage } from './refusal.js';
import { hasSecondFactor, requiresSecondFactor } from './second-factor.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route sets up a second factor (or signs out), so an account that must have one may use it before it has. */
    secondFactorSetUp?: boolean;
  }
}

/**
 * Sends an account whose role needs a second factor, and which has none yet, to set one up before
 * any other page or API: pages redirect to `setUpPath`, the API answers 403. Returns true when it did.
 */
export async function sendToSecondFactorSetUp(
  request: FastifyRequest,
  reply: FastifyReply,
  account: { id: string; role: string },
  setUpPath: string,
): Promise<boolean> {
  if (!requiresSecondFactor(account.role) || request.routeOptions.config.secondFactorSetUp) return false;
  // The provider's own sign-in (with its multi-factor policy) stands for the second factor.
  if (request.session.get('signedInWith') === 'provider') return false;
  if (await hasSecondFactor(request.server.db, account.id)) return false;
  if (!isPage(request))
    throw new AppError(403, 'second_factor_required', `Set up a second factor first, at ${setUpPath}.`);
  await reply.redirect(setUpPath, 303);
  return true;
}
