import type { AgencyUser } from '@tuo/shared/api/agency-portal';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { checkPassword, type PasswordSignInResult } from '../console/password-sign-in.js';
import { afterPassword, type SecondFactorKind } from '../console/second-factor-sign-in.js';
import { findAgencyUser, verifyAgencyCredentials } from './agency-accounts.js';

/** What an agency sign-in came to: signed in, or waiting for the second factor. Failures say nothing about whether the account exists. */
export type AgencySignInResult =
  | { ok: true; user: AgencyUser; next: 'signed-in' | 'second-factor' }
  | Extract<PasswordSignInResult<AgencyUser>, { ok: false }>;

/** How the agency portal signs in, for the machinery both consoles share. */
export function agencySignInKind(request: FastifyRequest, sealingSecret: string): SecondFactorKind<AgencyUser> {
  const { db } = request.server;
  return {
    auditPrefix: 'agency',
    actorType: 'agency-user',
    sealingSecret,
    find: (id) => findAgencyUser(db, id),
    detail: (user) => ({ agency: user.agency }),
  };
}

/**
 * Signs an agency user in, exactly as staff sign in (same throttle, a regenerated session naming
 * the account, the second factor when it has one), but only agency accounts match. Every attempt
 * is audited with its address.
 */
export async function signInAgencyUser(
  request: FastifyRequest,
  sealingSecret: string,
  email: string,
  password: string,
): Promise<AgencySignInResult> {
  const { db } = request.server;
  const kind = agencySignInKind(request, sealingSecret);
  const result = await checkPassword(
    request,
    { ...kind, verify: (e, p) => verifyAgencyCredentials(db, e, p) },
    email,
    password,
  );
  if (!result.ok) return result;
  return { ...result, next: await afterPassword(request, kind, result.user) };
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
