import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { openSecret, sealSecret } from './sealed-secret.js';
import type { OidcProviderSettings } from './sign-in-settings.js';

// The OpenID Connect side of single sign-on, with openid-client: the authorization code flow with
// PKCE, state and nonce. The ID token's signature is checked against the provider's published keys
// (`enableNonRepudiationChecks`), and its issuer, audience, expiry and nonce by the library.

// Discovery once per provider and client, not per sign-in; a failed discovery is tried again next time.
const configurations = new Map<string, Promise<oidc.Configuration>>();

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The provider's configuration, from its discovery document. */
export function providerConfiguration(settings: OidcProviderSettings): Promise<oidc.Configuration> {
  const key = [settings.issuer, settings.clientId, settings.clientSecret].join('\n');
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only to a provider on this machine (a developer's or a test's); never across a network.
    const insecure = issuer.protocol === 'http:' && loopbackHosts.has(issuer.hostname);

    found = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only to stand out; loopback only
      execute: [oidc.enableNonRepudiationChecks, ...(insecure ? [oidc.allowInsecureRequests] : [])],
      timeout: 10,
    });
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** Where a console's sign-in with its provider happens, and how its transaction cookie is kept. */
export interface OidcRoute {
  /** `staff` or `agency`: names the cookie and what the transaction is sealed for. */
  console: 'staff' | 'agency';
  /** PUBLIC_URL + the console's callback path. */
  redirectUri: string;
  /** Seals the transaction cookie (the session secret). */
  secret: string;
}

const transactionSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  startedAt: z.number(),
  /** What the sign-in was started for (an organisation id, for the agency portal). */
  subject: z.string(),
});

const transactionMs = 10 * 60 * 1000;

function cookieName(route: OidcRoute): string {
  return `${route.redirectUri.startsWith('https:') ? '__Host-' : ''}tuo-${route.console}-oidc`;
}

/**
 * Starts a sign-in: a fresh PKCE verifier, state and nonce, kept sealed in a short-lived cookie
 * (SameSite=Lax, since the provider sends the person back from another site, where the consoles'
 * Strict session cookies are not sent). Returns the provider's authorization URL to redirect to.
 */
export async function startOidcSignIn(
  reply: FastifyReply,
  settings: OidcProviderSettings,
  route: OidcRoute,
  subject = '',
): Promise<URL> {
  const config = await providerConfiguration(settings);
  const transaction = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    startedAt: Date.now(),
    subject,
  };
  void reply.setCookie(
    cookieName(route),
    sealSecret(route.secret, 'oidc-transaction', route.console, JSON.stringify(transaction)),
    {
      httpOnly: true,
      sameSite: 'lax',
      secure: route.redirectUri.startsWith('https:'),
      path: '/',
      maxAge: transactionMs / 1000,
    },
  );
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: route.redirectUri,
    scope: 'openid email profile',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: 'S256',
  });
}

/** The sign-in's transaction, if this browser started one in the last few minutes; it is used up. */
export function takeOidcTransaction(
  request: FastifyRequest,
  reply: FastifyReply,
  route: OidcRoute,
): z.infer<typeof transactionSchema> | undefined {
  const sealed = request.cookies[cookieName(route)];
  void reply.clearCookie(cookieName(route), { path: '/' });
  const opened = sealed ? openSecret(route.secret, 'oidc-transaction', route.console, sealed) : undefined;
  if (!opened) return undefined;
  const parsed = transactionSchema.safeParse(JSON.parse(opened));
  return parsed.success && Date.now() - parsed.data.startedAt < transactionMs ? parsed.data : undefined;
}

/** What the provider told us about the person, once every check passed. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  claims: Readonly<Record<string, unknown>>;
  /** The ID token itself, kept to end the provider's session at sign-out. */
  idToken: string;
}

/**
 * Finishes a sign-in at the callback: swaps the code for tokens (with the PKCE verifier) and
 * checks the state, and the ID token's signature, issuer, audience, expiry and nonce. Throws when
 * any check fails or the provider refused; the caller shows a refusal, never the detail.
 */
export async function finishOidcSignIn(
  request: FastifyRequest,
  settings: OidcProviderSettings,
  route: OidcRoute,
  transaction: z.infer<typeof transactionSchema>,
): Promise<OidcIdentity> {
  const config = await providerConfiguration(settings);
  const currentUrl = new URL(request.url, route.redirectUri);
  const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: transaction.verifier,
    expectedState: transaction.state,
    expectedNonce: transaction.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error('the provider sent no ID token');
  return { issuer: claims.iss, subject: claims.sub, claims, idToken: tokens.id_token };
}

/**
 * Where to send a person signing out so the provider ends its session too, when it offers
 * `end_session_endpoint`; undefined when it does not (the local session is ended either way).
 */
export async function providerSignOutUrl(
  settings: OidcProviderSettings,
  idToken: string,
  afterwards: string,
): Promise<URL | undefined> {
  const config = await providerConfiguration(settings);
  if (!config.serverMetadata().end_session_endpoint) return undefined;
  return oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: afterwards });
}

/**
 * Where to send a person signing out of a session signed in through `settings`' provider, so it
 * ends its session too; undefined without a provider or ID token, or when the provider offers no
 * end_session_endpoint or cannot be reached (the local session has ended already either way).
 */
export async function providerSignOutHref(
  settings: OidcProviderSettings | undefined,
  idToken: string | undefined,
  afterwards: string,
): Promise<string | undefined> {
  if (!settings || !idToken) return undefined;
  const url = await providerSignOutUrl(settings, idToken, afterwards).catch(() => undefined);
  return url?.href;
}
