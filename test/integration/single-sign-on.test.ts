import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultyOidcProvider, type FaultyOidcProvider, type TokenFault } from '../support/faulty-oidc-provider.js';
import { startTestOidcProvider, throughProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const publicUrl = 'http://127.0.0.1:4999';
const roleMap = 'tuo-advisers=adviser,tuo-supervisors=supervisor,tuo-admins=admin';

let database: TestDatabase;
let provider: TestOidcProvider;
let faulty: FaultyOidcProvider;
let t: TestApp;
let faultyApp: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  [provider, faulty] = await Promise.all([startTestOidcProvider(publicUrl), startFaultyOidcProvider()]);
  t = await createTestApp({ database, env: { PUBLIC_URL: publicUrl, ...provider.env(roleMap) } });
  faultyApp = await createTestApp({ database, env: { PUBLIC_URL: publicUrl, ...faulty.env(roleMap) } });
});
afterAll(async () => {
  await Promise.all([t.close(), faultyApp.close()]);
  await Promise.all([provider.close(), faulty.close(), database.drop()]);
});

/** Signs in through the provider as a browser would: the console's link, the provider, the callback. */
async function signInThroughProvider(client: StaffClient) {
  const start = await client.page('/staff/sign-in/oidc');
  expect(start.statusCode).toBe(303);
  const callback = await throughProvider(String(start.headers.location));
  expect(callback.href.startsWith(`${publicUrl}/staff/sign-in/oidc/callback?`)).toBe(true);
  return client.page(`${callback.pathname}${callback.search}`);
}

const person = (subject: string, email: string, roles: string[], name?: string) => {
  provider.people.set(subject, { email, roles, ...(name ? { name } : {}) });
  provider.signInAs(subject);
};
const accountOf = (email: string) =>
  database.db
    .selectFrom('staff_users')
    .select(['id', 'role', 'password_hash', 'oidc_issuer', 'oidc_subject'])
    .where('email', '=', email)
    .executeTakeFirst();

describe('single sign-on with the council’s provider', () => {
  it('offers the provider beside passwords on the sign-in page, with PKCE, state and nonce', async () => {
    const client = new StaffClient(t.app);
    expect((await client.page('/staff/sign-in')).body).toContain('href="/staff/sign-in/oidc"');
    const start = await client.page('/staff/sign-in/oidc');
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${publicUrl}/staff/sign-in/oidc/callback`);
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toBeTruthy();
    expect(start.cookies.find((cookie) => cookie.name === 'tuo-staff-oidc')).toMatchObject({ sameSite: 'Lax' });
  });

  it('makes an account on first sign-in with the role the claims map to, and follows the mapping after', async () => {
    person('person-admin-1', 'sso.admin@council.example', ['tuo-advisers', 'tuo-admins', 'everyone']);
    const client = new StaffClient(t.app);
    const answer = await signInThroughProvider(client);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('You are signed in');
    expect(answer.body).toContain('content="0;url=/staff/dashboard"');
    const account = await accountOf('sso.admin@council.example');
    expect(account).toMatchObject({ role: 'admin', password_hash: null, oidc_issuer: provider.issuer });
    expect(account?.oidc_subject).toBe('person-admin-1');
    // The provider's sign-in stands for the second factor: straight to an admin page.
    expect((await client.page('/staff/audit')).statusCode).toBe(200);
    const session = await client.api('GET', '/api/staff/session');
    expect(session.json()).toMatchObject({ user: { email: 'sso.admin@council.example', role: 'admin' } });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_id', '=', account?.id ?? '')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['account.created-by-sign-in', 'staff.signed-in']),
    );
    expect(audit.find((row) => row.action === 'staff.signed-in')?.detail).toMatchObject({ secondFactor: 'provider' });

    // Moved to the advisers' group only: the next sign-in is an adviser's.
    person('person-admin-1', 'sso.admin@council.example', ['tuo-advisers']);
    const again = new StaffClient(t.app);
    expect((await signInThroughProvider(again)).statusCode).toBe(200);
    expect((await accountOf('sso.admin@council.example'))?.role).toBe('adviser');
    expect((await again.page('/staff/audit')).statusCode).toBe(403);
  });

  it('links an account an administrator made for the address, and never takes a password for it after', async () => {
    const made = await createTestStaff(database.db, 'adviser', 'made.first@council.example');
    person('person-made-1', 'Made.First@council.example', ['tuo-supervisors']);
    const client = new StaffClient(t.app);
    expect((await signInThroughProvider(client)).statusCode).toBe(200);
    expect(await accountOf('made.first@council.example')).toMatchObject({
      id: made.id,
      role: 'supervisor',
      oidc_subject: 'person-made-1',
    });
  });

  it('names an account from the provider’s name claim when it has no name, and keeps a name an administrator gave', async () => {
    person('person-named-1', 'sam.named@council.example', ['tuo-advisers'], 'Sam Okoro');
    expect((await signInThroughProvider(new StaffClient(t.app))).statusCode).toBe(200);
    const nameOf = async (email: string) =>
      (
        await database.db
          .selectFrom('staff_users')
          .select('display_name')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).display_name;
    expect(await nameOf('sam.named@council.example')).toBe('Sam Okoro');

    const named = await createTestStaff(database.db, 'adviser', 'kept.name@council.example', {
      displayName: 'Priya Shah',
    });
    const unnamed = await createTestStaff(database.db, 'adviser', 'filled.name@council.example');
    person('person-named-2', 'kept.name@council.example', ['tuo-advisers'], 'P. Shah (Contact Centre)');
    expect((await signInThroughProvider(new StaffClient(t.app))).statusCode).toBe(200);
    person('person-named-3', 'filled.name@council.example', ['tuo-advisers'], 'Dafydd Rees');
    expect((await signInThroughProvider(new StaffClient(t.app))).statusCode).toBe(200);
    expect(await nameOf('kept.name@council.example')).toBe('Priya Shah');
    expect(await nameOf('filled.name@council.example')).toBe('Dafydd Rees');
    const linked = await database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'account.provider-linked')
      .where('actor_id', 'in', [named.id, unnamed.id])
      .execute();
    expect(linked).toEqual(
      expect.arrayContaining([
        { actor_id: named.id, detail: { account: named.id } },
        { actor_id: unnamed.id, detail: { account: unnamed.id, named: true } },
      ]),
    );
  });

  it('refuses a person the mapping gives no role, with a page saying so, and makes no account', async () => {
    person('person-nobody-1', 'no.role@council.example', ['everyone', 'finance']);
    const client = new StaffClient(t.app);
    const answer = await signInThroughProvider(client);
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('You do not have access to the staff console');
    expect(await accountOf('no.role@council.example')).toBeUndefined();
    expect((await client.api('GET', '/api/staff/session')).json()).toMatchObject({ user: null });
  });

  it('ends a disabled account’s open session at once, and refuses its next sign-in', async () => {
    person('person-disabled-1', 'to.disable@council.example', ['tuo-advisers']);
    const client = new StaffClient(t.app);
    expect((await signInThroughProvider(client)).statusCode).toBe(200);
    expect((await client.page('/staff/dashboard')).statusCode).toBe(200);
    const admin = await createTestStaff(database.db, 'admin');
    const adminClient = new StaffClient(t.app);
    await adminClient.signIn(admin);
    const account = await accountOf('to.disable@council.example');
    const disabled = await adminClient.api('POST', `/api/admin/accounts/${account?.id ?? ''}`, { change: 'disable' });
    expect(disabled.statusCode).toBe(204);

    const page = await client.page('/staff/dashboard');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/staff/sign-in');
    const again = await signInThroughProvider(new StaffClient(t.app));
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('Your account has been disabled');
  });

  it('signs out of the provider too, through its end_session_endpoint', async () => {
    person('person-leaving-1', 'signing.out@council.example', ['tuo-advisers']);
    const client = new StaffClient(t.app);
    await signInThroughProvider(client);
    await client.page('/staff/dashboard');
    const out = await client.form('/staff/sign-out');
    expect(out.statusCode).toBe(303);
    const to = new URL(String(out.headers.location));
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('id_token_hint')).toBeTruthy();
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/staff/sign-in`);
    expect((await client.api('GET', '/api/staff/session')).json()).toMatchObject({ user: null });
  });

  it('refuses a callback this browser did not start, or with another state', async () => {
    person('person-forged-1', 'forged@council.example', ['tuo-admins']);
    const victim = new StaffClient(t.app);
    const start = await new StaffClient(t.app).page('/staff/sign-in/oidc');
    const callback = await throughProvider(String(start.headers.location));
    const forged = await victim.page(`${callback.pathname}${callback.search}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.body).toContain('Your sign-in took too long');

    const client = new StaffClient(t.app);
    const mine = await client.page('/staff/sign-in/oidc');
    const back = await throughProvider(String(mine.headers.location));
    back.searchParams.set('state', 'another-state');
    const wrongState = await client.page(`${back.pathname}${back.search}`);
    expect(wrongState.statusCode).toBe(401);
    expect(wrongState.body).toContain('We could not sign you in');
  });
});

describe('the ID token’s checks', () => {
  it.each<[TokenFault, string]>([
    ['audience', 'for another client'],
    ['issuer', 'from another issuer'],
    ['nonce', 'with another nonce'],
    ['expired', 'that has expired'],
    ['signature', 'signed by a key the provider never published'],
  ])('refuse a token with a fault (%s): one %s', async (fault) => {
    faulty.fault = fault;
    faulty.claims = { email: `faulty.${fault}@council.example`, roles: ['tuo-admins'] };
    const client = new StaffClient(faultyApp.app);
    const start = await client.page('/staff/sign-in/oidc');
    const callback = await throughProvider(String(start.headers.location));
    const answer = await client.page(`${callback.pathname}${callback.search}`);
    expect(answer.statusCode).toBe(401);
    expect(answer.body).toContain('We could not sign you in');
    expect(await accountOf(`faulty.${fault}@council.example`)).toBeUndefined();
    expect((await client.api('GET', '/api/staff/session')).json()).toMatchObject({ user: null });
  });

  it('accept the same provider’s right token', async () => {
    faulty.fault = 'none';
    faulty.claims = { email: 'faulty.none@council.example', roles: ['tuo-advisers'] };
    const client = new StaffClient(faultyApp.app);
    const start = await client.page('/staff/sign-in/oidc');
    const callback = await throughProvider(String(start.headers.location));
    expect((await client.page(`${callback.pathname}${callback.search}`)).statusCode).toBe(200);
    expect(await accountOf('faulty.none@council.example')).toMatchObject({ role: 'adviser' });
  });
});

describe('passwords turned off', () => {
  it('leaves only the provider: no password form, page or API', async () => {
    const off = await createTestApp({
      database,
      env: { PUBLIC_URL: publicUrl, STAFF_PASSWORD_SIGN_IN: 'off', ...provider.env(roleMap) },
    });
    try {
      const staff = await createTestStaff(database.db, 'adviser');
      const client = new StaffClient(off.app);
      const page = await client.page('/staff/sign-in');
      expect(page.body).toContain('href="/staff/sign-in/oidc"');
      expect(page.body).not.toContain('type="password"');
      // No password route: a post of one is refused, and signs nobody in.
      await client.api('GET', '/api/staff/session');
      const posted = await client.form('/staff/sign-in', [
        ['email', staff.email],
        ['password', staff.password],
      ]);
      expect(posted.statusCode).toBeGreaterThanOrEqual(400);
      expect((await client.api('GET', '/api/staff/session')).json()).toMatchObject({ user: null });
      expect((await client.signIn(staff)).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
