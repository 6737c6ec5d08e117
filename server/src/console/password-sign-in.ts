import type { FastifyRequest } from 'fastify';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { beginAttempt, clearAccountFailures, recordFailure } from './sign-in-throttle.js';

/** What a password sign-in came to. Failures say nothing about whether the account exists. */
export type PasswordSignInResult<User> = { ok: true; user: User } | { ok: false; reason: 'failed' | 'throttled' };

/** How one console checks passwords and names its audit lines. */
export interface PasswordSignInKind<User extends { id: string }> {
  /** `staff` or `agency`: the audit actions are `<prefix>.sign-in.failed` and so on. */
  auditPrefix: 'staff' | 'agency';
  actorType: Actor['type'];
  verify: (email: string, password: string) => Promise<User | undefined>;
}

/**
 * Checks a password for either console: refused outright only for an address that has failed too
 * often; otherwise slowed down by the account's recent failures (never locked), then checked. On
 * success the session is regenerated (a new id, nothing carried over: no session fixation) but not
 * yet signed in: the console decides what comes next (a second factor, say). Every attempt is
 * audited with the address it came from.
 */
export async function checkPassword<User extends { id: string }>(
  request: FastifyRequest,
  kind: PasswordSignInKind<User>,
  email: string,
  password: string,
): Promise<PasswordSignInResult<User>> {
  const { db } = request.server;
  const address = request.ip;
  const verdict = await beginAttempt(db, email, address);
  // The email tried, so an admin can see who was being guessed at (and find it by that email).
  const tried = email.trim().toLowerCase().slice(0, 254);
  if (verdict.refused) {
    await recordAudit(db, {
      actor: { type: kind.actorType, address },
      action: `${kind.auditPrefix}.sign-in.throttled`,
      detail: { email: tried },
    });
    return { ok: false, reason: 'throttled' };
  }
  if (verdict.delayMs > 0) {
    await recordAudit(db, {
      actor: { type: kind.actorType, address },
      action: `${kind.auditPrefix}.sign-in.slowed`,
      detail: { email: tried, delayMs: verdict.delayMs },
    });
    await request.server.sleep(verdict.delayMs);
  }
  const user = await kind.verify(email, password);
  if (!user) {
    await recordFailure(db, email, address);
    await recordAudit(db, {
      actor: { type: kind.actorType, address },
      action: `${kind.auditPrefix}.sign-in.failed`,
      detail: { email: tried },
    });
    return { ok: false, reason: 'failed' };
  }
  await clearAccountFailures(db, email);
  await request.session.regenerate();
  return { ok: true, user };
}
