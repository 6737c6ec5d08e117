import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** What is wrong with the ID token the faulty provider signs; `none` is a right one. */
export type TokenFault = 'none' | 'audience' | 'issuer' | 'nonce' | 'expired' | 'signature';

/** A tiny OpenID Connect provider on loopback that signs the ID tokens a test asks for, wrong ones included. */
export interface FaultyOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The fault of the tokens it signs from now on. */
  fault: TokenFault;
  /** The claims besides the registered ones. */
  claims: Record<string, unknown>;
  env: (roleMap: string) => Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Discovery, keys, an authorization endpoint that answers at once with a code, and a token
 * endpoint whose ID token has the chosen fault: another audience or issuer, another nonce, an
 * expiry an hour ago, or a signature by a key it never published. Enough of the protocol for the
 * console's checks to be what refuses.
 */
export async function startFaultyOidcProvider(): Promise<FaultyOidcProvider> {
  const clientId = 'tell-us-once-faulty';
  const published = await generateKeyPair('RS256');
  const unpublished = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'published', alg: 'RS256', use: 'sig' };
  const nonces = new Map<string, string>();
  const clientSecret = 'faulty-client-secret';
  const state: FaultyOidcProvider = {
    issuer: '',
    clientId,
    clientSecret,
    fault: 'none',
    claims: {},
    env: (roleMap) => ({
      STAFF_OIDC_ISSUER: state.issuer,
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

  async function idToken(code: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const { fault } = state;
    const jwt = new SignJWT({ ...state.claims, nonce: fault === 'nonce' ? 'another-nonce' : nonces.get(code) })
      .setProtectedHeader({ alg: 'RS256', kid: 'published' })
      .setIssuer(fault === 'issuer' ? 'http://127.0.0.1:1/another-issuer' : state.issuer)
      .setAudience(fault === 'audience' ? 'another-client' : clientId)
      .setSubject('faulty-person-1')
      .setIssuedAt(fault === 'expired' ? now - 7200 : now)
      .setExpirationTime(fault === 'expired' ? now - 3600 : now + 300);
    return jwt.sign(fault === 'signature' ? unpublished.privateKey : published.privateKey);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', state.issuer);
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration')
      return json({
        issuer: state.issuer,
        authorization_endpoint: `${state.issuer}/authorize`,
        token_endpoint: `${state.issuer}/token`,
        jwks_uri: `${state.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = `code-${String(nonces.size)}`;
      nonces.set(code, url.searchParams.get('nonce') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return void res.writeHead(303, { location: back.href }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        void idToken(code).then((id_token) =>
          json({ access_token: 'faulty-access-token', token_type: 'Bearer', expires_in: 300, id_token }),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return state;
}
