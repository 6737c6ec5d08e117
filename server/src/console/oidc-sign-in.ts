import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { accountForIdentity, type OidcAccountResult, type OidcAccountRule } from './oidc-accounts.js';
import { finishOidcSignIn, takeOidcTransaction, type OidcIdentity, type OidcRoute } from './oidc-client.js';
import { completeSignIn, type SecondFactorKind } from './second-factor-sign-in.js';
import type { OidcProviderSettings } from './sign-in-settings.js';

declare module 'fastify' {
  interface Session {
    /** `provider` when the session was signed in through an OpenID Connect provider. */
    signedInWith?: 'provider';
    /** The provider's ID token, to end its session too at sign-out. */
    providerIdToken?: string;
  }
}

/** Why a sign-in through a provider was refused: each has its own words on the refusal page. */
export type OidcRefusal = 'failed' | 'expired' | Extract<OidcAccountResult, { ok: false }>['reason'];

/** What a sign-in through a provider came to. */
export type OidcSignInResult<User> = { ok: true; user: User } | { ok: false; reason: OidcRefusal };

/** A provider a console signs in with, and who its people are there. */
export interface ConsoleProvider {
  settings: OidcProviderSettings;
  /** The roles, role and organisation the person's claims give them here. */
  rule: (identity: OidcIdentity) => OidcAccountRule;
}

/** How a console signs its people in through a provider. */
export interface OidcSignInKind<User extends { id: string }> extends Omit<SecondFactorKind<User>, 'sealingSecret'> {
  /**
   * The provider of a sign-in started for `subject` (the staff console's one provider, or an
   * organisation's for the agency portal); undefined when there is none now.
   */
  provider: (subject: string) => Promise<ConsoleProvider | undefined>;
}

/** The callback page's status for a result: 200 signed in, 401 when the provider's answer failed, 403 refused. */
export function oidcResultStatus(result: OidcSignInResult<unknown>): 200 | 401 | 403 {
  if (result.ok) return 200;
  return result.reason === 'failed' || result.reason === 'expired' ? 401 : 403;
}

/**
 * Completes a sign-in at the console's callback: the transaction this browser started, the
 * provider's answer with every check of its ID token, then the account (found, linked or made by
 * {@link accountForIdentity}). On success the session is regenerated and signed in, marked as signed
 * in through the provider (whose own sign-in stands for the second factor). Every outcome is audited.
 */
export async function signInThroughProvider<User extends { id: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  route: OidcRoute,
  kind: OidcSignInKind<User>,
): Promise<OidcSignInResult<User>> {
  const { db } = request.server;
  const refuse = async (reason: OidcRefusal, id?: string) => {
    await recordAudit(db, {
      actor: { type: kind.actorType, address: request.ip, ...(id ? { id } : {}) },
      action: `${kind.auditPrefix}.sign-in.provider-refused`,
      detail: { reason },
    });
    return { ok: false, reason } as const;
  };
  const transaction = takeOidcTransaction(request, reply, route);
  if (!transaction) return refuse('expired');
  const provider = await kind.provider(transaction.subject);
  if (!provider) return refuse('failed');
  let identity: OidcIdentity;
  try {
    identity = await finishOidcSignIn(request, provider.settings, route, transaction);
  } catch (error) {
    // The error's name and code say which check failed; its message may quote the token, so is not logged.
    const { name, code } = error as { name?: string; code?: string };
    request.log.warn({ error: name, code }, 'sign-in through the provider refused');
    return refuse('failed');
  }
  const account = await accountForIdentity(db, identity, provider.rule(identity));
  if (!account.ok) return refuse(account.reason);
  const user = await kind.find(account.id);
  if (!user) return refuse('disabled', account.id);
  await request.session.regenerate();
  request.session.set('signedInWith', 'provider');
  request.session.set('providerIdToken', identity.idToken);
  await completeSignIn(request, kind, user, 'provider');
  return { ok: true, user };
}
