import type { StaffUser } from '@tuo/shared/api/staff-session';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { checkPassword, type PasswordSignInResult } from '../console/password-sign-in.js';
import { verifyCredentials } from './staff-accounts.js';

/** What a sign-in came to. Failures say nothing about whether the account exists. */
export type SignInResult = PasswordSignInResult<StaffUser>;

/**
 * Signs a staff member in: slowed per account, refused per address (`checkPassword`); on success
 * the regenerated session names them. Every attempt is audited with the address it came from.
 */
export async function signIn(request: FastifyRequest, email: string, password: string): Promise<SignInResult> {
  const { db } = request.server;
  const result = await checkPassword(
    request,
    { auditPrefix: 'staff', actorType: 'staff', verify: (e, p) => verifyCredentials(db, e, p) },
    email,
    password,
  );
  if (!result.ok) return result;
  request.session.set('staffId', result.user.id);
  request.session.set('signedInAt', new Date().toISOString());
  await recordAudit(db, {
    actor: { type: 'staff', id: result.user.id, address: request.ip },
    action: 'staff.signed-in',
  });
  return result;
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
