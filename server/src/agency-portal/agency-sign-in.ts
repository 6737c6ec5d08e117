import type { AgencyUser } from '@tuo/shared/api/agency-portal';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { checkPassword, type PasswordSignInResult } from '../console/password-sign-in.js';
import { verifyAgencyCredentials } from './agency-accounts.js';

/** What an agency sign-in came to. Failures say nothing about whether the account exists. */
export type AgencySignInResult = PasswordSignInResult<AgencyUser>;

/**
 * Signs an agency user in, exactly as staff sign in (same throttle, a regenerated session naming
 * the account), but only agency accounts match. Every attempt is audited with its address.
 */
export async function signInAgencyUser(
  request: FastifyRequest,
  email: string,
  password: string,
): Promise<AgencySignInResult> {
  const { db } = request.server;
  const result = await checkPassword(
    request,
    { auditPrefix: 'agency', actorType: 'agency-user', verify: (e, p) => verifyAgencyCredentials(db, e, p) },
    email,
    password,
  );
  if (!result.ok) return result;
  const { user } = result;
  // The session store keys sessions by `staffId`: here it names the agency account (same table).
  request.session.set('staffId', user.id);
  request.session.set('signedInAt', new Date().toISOString());
  await recordAudit(db, {
    actor: { type: 'agency-user', id: user.id, address: request.ip },
    action: 'agency.signed-in',
    detail: { agency: user.agency },
  });
  return result;
}

/** Ends this session. */
export async function signOutAgencyUser(request: FastifyRequest, user: AgencyUser): Promise<void> {
  await request.session.destroy();
  await recordAudit(request.server.db, {
    actor: { type: 'agency-user', id: user.id, address: request.ip },
    action: 'agency.signed-out',
    detail: { agency: user.agency },
  });
}
