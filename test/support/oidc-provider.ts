import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A person the test provider knows: their claims, roles among them. */
export interface ProviderPerson {
  email: string;
  roles?: string[];
  /** Their full name (the standard `name` claim). */
  name?: string;
}

/** A real OpenID Connect provider (the `oidc-provider` package) on loopback, for one test file. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, ProviderPerson>;
  /** Whom the next sign-in at the provider signs in as (its login page is skipped: the test chose). */
  signInAs: (subject: string) => void;
  /** The settings that point a console at this provider. */
  env: (roleMap: string) => Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Starts `oidc-provider` on 127.0.0.1 with one confidential client whose redirect URIs are the
 * consoles' callbacks under `publicUrl`. Its interaction (login and consent) is completed at once
 * for the person `signInAs` names, as a person who signs in there would.
 */
export async function startTestOidcProvider(publicUrl: string): Promise<TestOidcProvider> {
  const people = new Map<string, ProviderPerson>();
  let next: string | undefined;
  const clientId = 'tell-us-once-test';
  const clientSecret = 'test-client-secret-0123456789abcdef';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  // The provider needs its issuer, which needs the port: the server starts first and finds it here.
  const started: { provider?: Provider } = {};
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const { provider } = started;
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) void finishInteraction(provider, req, res);
    else void provider.callback()(req, res);
  });
  async function finishInteraction(p: Provider, req: IncomingMessage, res: ServerResponse) {
    try {
      const details = await p.interactionDetails(req, res);
      const accountId = next ?? '';
      const grant = new p.Grant({ accountId, clientId });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await p.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  started.provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${publicUrl}/staff/sign-in/oidc/callback`, `${publicUrl}/agency/sign-in/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/staff/sign-in`, `${publicUrl}/agency/sign-in`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key'] },
    // Entra ID puts app roles and groups in the ID token; so does this provider.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email'], profile: ['roles', 'name'] },
    findAccount: (_ctx, sub) => {
      const person = people.get(sub);
      return person
        ? {
            accountId: sub,
            claims: () => ({
              sub,
              email: person.email,
              roles: person.roles ?? [],
              ...(person.name ? { name: person.name } : {}),
            }),
          }
        : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    signInAs: (subject) => {
      next = subject;
    },
    env: (roleMap) => ({
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: clientId,
      STAFF_OIDC_CLIENT_SECRET: clientSecret,
      STAFF_OIDC_ROLE_MAP: roleMap,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * Follows a sign-in through a provider as a browser would, keeping the provider's cookies, until
 * it sends the browser away from itself; returns that address (the console's callback).
 */
export async function throughProvider(start: string): Promise<URL> {
  const origin = new URL(start).origin;
  const cookies = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== origin) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${String(response.status)}: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error('the provider redirected too often');
}
