import type { StaffUser } from '@tuo/shared/api/staff-session';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { checkPassword, type PasswordSignInResult } from '../console/password-sign-in.js';
import {
  afterPassword,
  answerSecondFactor,
  type SecondFactorKind,
  type SecondFactorResult,
} from '../console/second-factor-sign-in.js';
import { findStaffUser, verifyCredentials } from './staff-accounts.js';

/** What a sign-in came to: signed in, or waiting for the second factor. Failures say nothing about whether the account exists. */
export type SignInResult =
  | { ok: true; user: StaffUser; next: 'signed-in' | 'second-factor' }
  | Extract<PasswordSignInResult<StaffUser>, { ok: false }>;

/** How the staff console signs in, for the machinery both consoles share. */
export function staffSignInKind(request: FastifyRequest, sealingSecret: string): SecondFactorKind<StaffUser> {
  const { db } = request.server;
  return { auditPrefix: 'staff', actorType: 'staff', sealingSecret, find: (id) => findStaffUser(db, id) };
}

/**
 * Signs a staff member in: slowed per account, refused per address (`checkPassword`); on success
 * the regenerated session names them, or, when they have a second factor, waits for it. Every
 * attempt is audited with the address it came from.
 */
export async function signIn(
  request: FastifyRequest,
  sealingSecret: string,
  email: string,
  password: string,
): Promise<SignInResult> {
  const { db } = request.server;
  const kind = staffSignInKind(request, sealingSecret);
  const result = await checkPassword(
    request,
    { ...kind, verify: (e, p) => verifyCredentials(db, e, p) },
    email,
    password,
  );
  if (!result.ok) return result;
  return { ...result, next: await afterPassword(request, kind, result.user) };
}

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
export function answerStaffSecondFactor(
  request: FastifyRequest,
  sealingSecret: string,
  code: string,
): Promise<SecondFactorResult<StaffUser>> {
  return answerSecondFactor(request, staffSignInKind(request, sealingSecret), code);
}

/** Ends this session, or with `everywhere` every session of the signed-in staff member. */
export async function signOut(request: FastifyRequest, user: StaffUser, everywhere: boolean): Promise<void> {
  const { db, staffSessions } = request.server;
  if (everywhere) await staffSessions.destroyAllFor(user.id);
  // Destroying clears request.session, so the closing response cannot save it again.
  await request.session.destroy();
  await recordAudit(db, {
    actor: { type: 'staff', id: user.id, address: request.ip },
    action: everywhere ? 'staff.signed-out-everywhere' : 'staff.signed-out',
  });
}
