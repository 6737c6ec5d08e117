import type { AgencyUser } from '@tuo/shared/api/agency-portal';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { checkPassword, type PasswordSignInResult } from '../console/password-sign-in.js';
import { afterPassword, type SecondFactorKind } from '../console/second-factor-sign-in.js';
import { providerSignOutHref } from '../console/oidc-client.js';
import { findAgencyUser, verifyAgencyCredentials } from './agency-accounts.js';
import { organisationProvider, organisationTakesPasswords } from './organisation-sign-in.js';

/** What an agency sign-in came to: signed in, or waiting for the second factor. Failures say nothing about whether the account exists. */
export type AgencySignInResult =
  | { ok: true; user: AgencyUser; next: 'signed-in' | 'second-factor' }
  | Extract<PasswordSignInResult<AgencyUser>, { ok: false }>
  /** The right password, but the account's organisation has turned passwords off: its provider only. */
  | { ok: false; reason: 'provider-only' };

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
  if (!(await organisationTakesPasswords(db, result.user.organisation.id))) {
    await recordAudit(db, {
      actor: { type: 'agency-user', id: result.user.id, address: request.ip },
      action: 'agency.sign-in.password-off',
      detail: { agency: result.user.agency, organisationId: result.user.organisation.id },
    });
    return { ok: false, reason: 'provider-only' };
  }
  return { ...result, next: await afterPassword(request, kind, result.user) };
}

/**
 * Ends this session; returns where to send the person so their organisation's provider ends its
 * session too, when they signed in through it and it offers that (`afterwards` is where it sends them back).
 */
export async function signOutAgencyUser(
  request: FastifyRequest,
  user: AgencyUser,
  sealingSecret: string,
  afterwards: string,
): Promise<string | undefined> {
  const idToken = request.session.get('providerIdToken');
  await request.session.destroy();
  await recordAudit(request.server.db, {
    actor: { type: 'agency-user', id: user.id, address: request.ip },
    action: 'agency.signed-out',
    detail: { agency: user.agency },
  });
  if (!idToken) return undefined;
  const found = await organisationProvider(request.server.db, sealingSecret, user.organisation.id);
  return providerSignOutHref(found?.provider, idToken, afterwards);
}
