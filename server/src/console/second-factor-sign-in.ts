import type { FastifyRequest } from 'fastify';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { checkSecondFactor, hasSecondFactor } from './second-factor.js';

/** How long after the right password its second factor may follow. */
const pendingMs = 5 * 60 * 1000;
/** Wrong codes allowed before the password must be given again (which is itself slowed). */
const maxCodeFailures = 5;

/** How one console finds a signed-in account and names its audit lines. */
export interface SecondFactorKind<User extends { id: string }> {
  auditPrefix: 'staff' | 'agency';
  actorType: Actor['type'];
  find: (id: string) => Promise<User | undefined>;
  /** Opens the sealed TOTP keys (the session secret). */
  sealingSecret: string;
  /** What an audit line says about the account besides its id (the agency, say). */
  detail?: (user: User) => Record<string, string>;
}

/** What a second factor came to. */
export type SecondFactorResult<User> = { ok: true; user: User } | { ok: false; reason: 'refused' | 'expired' };

/** Signs the account in on the regenerated session, with the audit line every console writes. */
export async function completeSignIn<User extends { id: string }>(
  request: FastifyRequest,
  kind: Pick<SecondFactorKind<User>, 'auditPrefix' | 'actorType' | 'detail'>,
  user: User,
  secondFactor: string,
): Promise<void> {
  request.session.set('staffId', user.id);
  request.session.set('signedInAt', new Date().toISOString());
  await recordAudit(request.server.db, {
    actor: { type: kind.actorType, id: user.id, address: request.ip },
    action: `${kind.auditPrefix}.signed-in`,
    detail: { ...kind.detail?.(user), secondFactor },
  });
}

/**
 * After the right password: an account with a second factor waits for it (the session is not
 * signed in yet); any other is signed in at once. Returns what comes next.
 */
export async function afterPassword<User extends { id: string }>(
  request: FastifyRequest,
  kind: Pick<SecondFactorKind<User>, 'auditPrefix' | 'actorType' | 'detail'>,
  user: User,
): Promise<'signed-in' | 'second-factor'> {
  if (await hasSecondFactor(request.server.db, user.id)) {
    request.session.set('pendingSecondFactor', user.id);
    request.session.set('pendingSince', new Date().toISOString());
    request.session.set('pendingFailures', 0);
    return 'second-factor';
  }
  await completeSignIn(request, kind, user, 'none');
  return 'signed-in';
}

/** True while this session has a right password waiting for its second factor. */
export function awaitingSecondFactor(request: FastifyRequest): boolean {
  const since = request.session.get('pendingSince');
  return Boolean(request.session.get('pendingSecondFactor')) && !!since && Date.now() - Date.parse(since) < pendingMs;
}

/**
 * Checks the second factor of the password given earlier in this session: a code from the app or
 * a recovery code. On success the session is regenerated again and signed in; too many wrong
 * codes, or too long a wait, and the password must be given again. Every answer is audited.
 */
export async function answerSecondFactor<User extends { id: string }>(
  request: FastifyRequest,
  kind: SecondFactorKind<User>,
  code: string,
): Promise<SecondFactorResult<User>> {
  const { db } = request.server;
  const accountId = request.session.get('pendingSecondFactor');
  if (!accountId || !awaitingSecondFactor(request)) return { ok: false, reason: 'expired' };
  const check = await checkSecondFactor(db, kind.sealingSecret, accountId, code);
  const user = check === 'refused' ? undefined : await kind.find(accountId);
  if (!user) {
    const failures = (request.session.get('pendingFailures') ?? 0) + 1;
    await recordAudit(db, {
      actor: { type: kind.actorType, id: accountId, address: request.ip },
      action: `${kind.auditPrefix}.second-factor.refused`,
    });
    if (failures >= maxCodeFailures) {
      request.session.set('pendingSecondFactor', undefined);
      return { ok: false, reason: 'expired' };
    }
    request.session.set('pendingFailures', failures);
    return { ok: false, reason: 'refused' };
  }
  await request.session.regenerate();
  await completeSignIn(request, kind, user, check);
  return { ok: true, user };
}
