import type { StaffUser } from '@tuo/shared/api/staff-session';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { clearAccountFailures, isThrottled, recordFailure } from '../console/sign-in-throttle.js';
import { verifyCredentials } from './staff-accounts.js';

/** What a sign-in came to. Failures say nothing about whether the account exists. */
export type SignInResult = { ok: true; user: StaffUser } | { ok: false; reason: 'failed' | 'throttled' };

/**
 * Signs a staff member in: throttled per account and per address; on success the session is
 * regenerated (a new id, nothing carried over: no session fixation) and then names them.
 * Every attempt is audited with the address it came from.
 */
export async function signIn(request: FastifyRequest, email: string, password: string): Promise<SignInResult> {
  const { db } = request.server;
  const address = request.ip;
  if (await isThrottled(db, email, address)) {
    await recordAudit(db, { actor: { type: 'staff', address }, action: 'staff.sign-in.throttled' });
    return { ok: false, reason: 'throttled' };
  }
  const user = await verifyCredentials(db, email, password);
  if (!user) {
    await recordFailure(db, email, address);
    await recordAudit(db, { actor: { type: 'staff', address }, action: 'staff.sign-in.failed' });
    return { ok: false, reason: 'failed' };
  }
  await clearAccountFailures(db, email);
  await request.session.regenerate();
  request.session.set('staffId', user.id);
  request.session.set('signedInAt', new Date().toISOString());
  await recordAudit(db, { actor: { type: 'staff', id: user.id, address }, action: 'staff.signed-in' });
  return { ok: true, user };
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
