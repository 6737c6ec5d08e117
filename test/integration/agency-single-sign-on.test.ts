import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveOrganisationSignIn } from '../../server/src/agency-portal/organisation-sign-in.js';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { AgencyClient, createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { startFaultyOidcProvider, type FaultyOidcProvider, type TokenFault } from '../support/faulty-oidc-provider.js';
import { startTestOidcProvider, throughProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testSessionSecret as secret } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const publicUrl = 'http://127.0.0.1:4998';

let database: TestDatabase;
let riversideIdp: TestOidcProvider;
let hilltopIdp: TestOidcProvider;
let faulty: FaultyOidcProvider;
let t: TestApp;
const orgs = { riverside: '', hilltop: '', faulty: '' };

const organisation = async (name: string, code: string) =>
  (
    await createOrganisation(
      database.db,
      { kind: 'gp-practice', name, code, areas: [], postcode: 'NB1 1AA' },
      { type: 'system' },
    )
  ).id;

beforeAll(async () => {
  database = await createTestDatabase();
  [riversideIdp, hilltopIdp, faulty] = await Promise.all([
    startTestOidcProvider(publicUrl),
    startTestOidcProvider(publicUrl),
    startFaultyOidcProvider(),
  ]);
  t = await createTestApp({ database, env: { PUBLIC_URL: publicUrl } });
  orgs.riverside = await organisation('Riverside Surgery', 'Y92001');
  orgs.hilltop = await organisation('Hilltop Medical Centre', 'Y92002');
  orgs.faulty = await organisation('Faulty Lane Surgery', 'Y92003');
});
afterAll(async () => {
  await t.close();
  await Promise.all([riversideIdp.close(), hilltopIdp.close(), faulty.close(), database.drop()]);
});

const admin = async (organisationId: string) => {
  const user = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', {
    id: organisationId,
    kind: 'gp-practice',
  });
  return { user, client: await signedInAgencyClient(t.app, user) };
};
const person = (idp: TestOidcProvider, subject: string, email: string, roles: string[]) => {
  idp.people.set(subject, { email, roles });
  idp.signInAs(subject);
};
const accountOf = (email: string) =>
  database.db
    .selectFrom('staff_users')
    .select(['id', 'role', 'organisation_id', 'oidc_issuer', 'oidc_subject', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();

/** Signs in through an organisation's provider as a browser would: the sign-in page's form, the provider, the callback. */
async function signInThrough(client: AgencyClient, organisationId: string) {
  const start = await client.page(`/agency/sign-in/oidc?organisation=${organisationId}`);
  expect(start.statusCode).toBe(303);
  const callback = await throughProvider(String(start.headers.location));
  expect(callback.href.startsWith(`${publicUrl}/agency/sign-in/oidc/callback?`)).toBe(true);
  return client.page(`${callback.pathname}${callback.search}`);
}

describe('an agency admin setting up their organisation’s single sign-on', () => {
  it('saves the provider through the page, with GOV.UK errors first, the secret sealed and the change audited', async () => {
    const { user, client } = await admin(orgs.riverside);
    const page = await client.page('/agency/single-sign-on');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<code>${publicUrl}/agency/sign-in/oidc/callback</code>`);
    expect(page.body).toContain('Single sign-on is not set up');

    const wrong = await client.form('/agency/single-sign-on', [
      ['issuer', 'not a url'],
      ['clientId', riversideIdp.clientId],
      ['clientSecret', ''],
      ['rolesClaim', 'roles'],
      ['roleMap', 'surgery-staff=adviser'],
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('There is a problem');
    expect(wrong.body).toContain('Enter the provider’s issuer URL, like https://login.microsoftonline.com/…/v2.0');
    expect(wrong.body).toContain(
      'Enter each pair as value=role, the role agency-user or agency-admin (not “surgery-staff=adviser”)',
    );
    expect(wrong.body).toContain('Select whether your organisation’s people can still sign in with a password');

    const settings = (issuer: string, clientSecret: string, passwords = 'on'): [string, string][] => [
      ['issuer', issuer],
      ['clientId', riversideIdp.clientId],
      ['clientSecret', clientSecret],
      ['rolesClaim', 'roles'],
      ['roleMap', 'surgery-staff=agency-user\nsurgery-leads=agency-admin'],
      ['passwords', passwords],
    ];
    await client.page('/agency/single-sign-on');
    const nowhere = await client.form(
      '/agency/single-sign-on',
      settings('http://127.0.0.1:1', riversideIdp.clientSecret),
    );
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.body).toContain('We could not find an OpenID Connect provider at this issuer URL');
    const noSecret = await client.form('/agency/single-sign-on', settings(riversideIdp.issuer, ''));
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.body).toContain('Enter the client secret');

    const saved = await client.form('/agency/single-sign-on', settings(riversideIdp.issuer, riversideIdp.clientSecret));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/agency/single-sign-on?done=saved');
    const shown = await client.page('/agency/single-sign-on?done=saved');
    expect(shown.body).toContain('Single sign-on is saved');
    expect(shown.body).toContain(`value="${riversideIdp.issuer}"`);
    expect(shown.body).not.toContain(riversideIdp.clientSecret);

    const row = await database.db
      .selectFrom('organisation_sign_in')
      .selectAll()
      .where('organisation_id', '=', orgs.riverside)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      issuer: riversideIdp.issuer,
      client_id: riversideIdp.clientId,
      role_map: { 'surgery-staff': 'agency-user', 'surgery-leads': 'agency-admin' },
      passwords: true,
      updated_by: user.id,
    });
    expect(row.sealed_client_secret).toMatch(/^v1\./);
    expect(row.sealed_client_secret).not.toContain(riversideIdp.clientSecret);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_id', '=', user.id)
      .where('action', '=', 'organisation.sign-in.saved')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(riversideIdp.clientSecret);
  });

  it('sets up another organisation through the API; neither admin sees the other’s, and an agency user is refused', async () => {
    const { client } = await admin(orgs.hilltop);
    await client.api('GET', '/api/agency-portal/session');
    const put = await client.api('PUT', '/api/agency-portal/single-sign-on', {
      issuer: hilltopIdp.issuer,
      clientId: hilltopIdp.clientId,
      clientSecret: hilltopIdp.clientSecret,
      rolesClaim: 'roles',
      roleMap: { 'hilltop-portal': 'agency-user' },
      passwords: true,
    });
    expect(put.statusCode).toBe(204);
    const got = await client.api('GET', '/api/agency-portal/single-sign-on');
    expect(got.json()).toMatchObject({
      organisationId: orgs.hilltop,
      organisationName: 'Hilltop Medical Centre',
      provider: { issuer: hilltopIdp.issuer, roleMap: { 'hilltop-portal': 'agency-user' }, passwords: true },
      redirectUri: `${publicUrl}/agency/sign-in/oidc/callback`,
    });
    expect(got.body).not.toContain(hilltopIdp.clientSecret);

    const user = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', {
      id: orgs.hilltop,
      kind: 'gp-practice',
    });
    const plain = await signedInAgencyClient(t.app, user);
    expect((await plain.page('/agency/single-sign-on')).statusCode).toBe(403);
    expect((await plain.api('GET', '/api/agency-portal/single-sign-on')).statusCode).toBe(403);
  });

  it('lets a staff admin set up any organisation’s provider through the admin API', async () => {
    const staffAdmin = await createTestStaff(database.db, 'admin');
    const client = new StaffClient(t.app);
    await client.signIn(staffAdmin);
    const put = await client.api('PUT', `/api/admin/organisations/${orgs.faulty}/single-sign-on`, {
      issuer: faulty.issuer,
      clientId: faulty.clientId,
      clientSecret: faulty.clientSecret,
      rolesClaim: 'roles',
      roleMap: { 'faulty-portal': 'agency-user' },
      passwords: true,
    });
    expect(put.statusCode).toBe(204);
    const got = await client.api('GET', `/api/admin/organisations/${orgs.faulty}/single-sign-on`);
    expect(got.json()).toMatchObject({ organisationName: 'Faulty Lane Surgery', provider: { issuer: faulty.issuer } });
    const unknown = await client.api(
      'GET',
      '/api/admin/organisations/00000000-0000-4000-8000-000000000000/single-sign-on',
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('signing in to the agency portal through the organisation’s provider', () => {
  it('offers each organisation with a provider on the sign-in page, and asks again when none is chosen', async () => {
    const client = new AgencyClient(t.app);
    const page = await client.page('/agency/sign-in');
    expect(page.body).toMatch(/<form [^>]*action="\/agency\/sign-in\/oidc" method="get"/);
    expect(page.body).toContain(`<option value="${orgs.riverside}">Riverside Surgery</option>`);
    expect(page.body).toContain(`<option value="${orgs.hilltop}">Hilltop Medical Centre</option>`);
    expect(page.body).toContain('type="password"');
    const none = await client.page('/agency/sign-in/oidc?organisation=');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select your organisation');
    const start = await client.page(`/agency/sign-in/oidc?organisation=${orgs.riverside}`);
    const url = new URL(String(start.headers.location));
    expect(url.origin).toBe(riversideIdp.issuer);
    expect(url.searchParams.get('redirect_uri')).toBe(`${publicUrl}/agency/sign-in/oidc/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toBeTruthy();
  });

  it('makes each organisation’s accounts from its own provider only, with the role its map gives', async () => {
    person(riversideIdp, 'rs-lead-1', 'lead@riverside.example', ['surgery-staff', 'surgery-leads']);
    const lead = new AgencyClient(t.app);
    const answer = await signInThrough(lead, orgs.riverside);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('You are signed in');
    expect(answer.body).toContain('content="0;url=/agency/notifications"');
    expect(await accountOf('lead@riverside.example')).toMatchObject({
      role: 'agency-admin',
      organisation_id: orgs.riverside,
      oidc_issuer: riversideIdp.issuer,
      oidc_subject: 'rs-lead-1',
      password_hash: null,
    });
    // The provider's sign-in stands for the second factor: an admin page at once.
    expect((await lead.page('/agency/users')).statusCode).toBe(200);

    person(hilltopIdp, 'ht-staff-1', 'reception@hilltop.example', ['hilltop-portal']);
    const reception = new AgencyClient(t.app);
    expect((await signInThrough(reception, orgs.hilltop)).statusCode).toBe(200);
    expect(await accountOf('reception@hilltop.example')).toMatchObject({
      role: 'agency-user',
      organisation_id: orgs.hilltop,
      oidc_issuer: hilltopIdp.issuer,
    });
    const session = await reception.api('GET', '/api/agency-portal/session');
    expect(session.json()).toMatchObject({
      user: { email: 'reception@hilltop.example', organisation: { id: orgs.hilltop } },
    });

    // Riverside's provider cannot sign anyone in as one of Hilltop's accounts.
    const hilltopUser = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', {
      id: orgs.hilltop,
      kind: 'gp-practice',
    });
    person(riversideIdp, 'rs-impostor-1', hilltopUser.email, ['surgery-staff']);
    const impostor = new AgencyClient(t.app);
    const refused = await signInThrough(impostor, orgs.riverside);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your email address belongs to an account that cannot sign in here');
    expect(await accountOf(hilltopUser.email)).toMatchObject({ organisation_id: orgs.hilltop, oidc_subject: null });
    expect((await impostor.api('GET', '/api/agency-portal/session')).json()).toMatchObject({ user: null });
  });

  it('refuses a person their organisation’s map gives no role, with a page saying so, and makes no account', async () => {
    person(hilltopIdp, 'ht-nobody-1', 'finance@hilltop.example', ['finance', 'surgery-leads']);
    const client = new AgencyClient(t.app);
    const answer = await signInThrough(client, orgs.hilltop);
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('You do not have access to the agency portal');
    expect(await accountOf('finance@hilltop.example')).toBeUndefined();
  });

  it('ends a disabled account’s open session at once, and refuses its next sign-in', async () => {
    person(riversideIdp, 'rs-leaving-1', 'leaving@riverside.example', ['surgery-staff']);
    const client = new AgencyClient(t.app);
    expect((await signInThrough(client, orgs.riverside)).statusCode).toBe(200);
    expect((await client.page('/agency/notifications')).statusCode).toBe(200);
    const account = await accountOf('leaving@riverside.example');
    const { client: adminClient } = await admin(orgs.riverside);
    await adminClient.page(`/agency/users/${account?.id ?? ''}`);
    const disabled = await adminClient.form(`/agency/users/${account?.id ?? ''}`, [['change', 'disable']]);
    expect(disabled.statusCode).toBe(303);

    const after = await client.page('/agency/notifications');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/agency/sign-in');
    const again = await signInThrough(new AgencyClient(t.app), orgs.riverside);
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('Your account has been disabled');
  });

  it('signs out of the organisation’s provider too, through its end_session_endpoint', async () => {
    person(hilltopIdp, 'ht-out-1', 'going@hilltop.example', ['hilltop-portal']);
    const client = new AgencyClient(t.app);
    await signInThrough(client, orgs.hilltop);
    await client.page('/agency/notifications');
    const out = await client.form('/agency/sign-out');
    expect(out.statusCode).toBe(303);
    const to = new URL(String(out.headers.location));
    expect(to.origin).toBe(hilltopIdp.issuer);
    expect(to.searchParams.get('id_token_hint')).toBeTruthy();
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/agency/sign-in`);
    expect((await client.api('GET', '/api/agency-portal/session')).json()).toMatchObject({ user: null });
  });

  it('refuses a callback this browser did not start', async () => {
    person(riversideIdp, 'rs-forged-1', 'forged@riverside.example', ['surgery-leads']);
    const start = await new AgencyClient(t.app).page(`/agency/sign-in/oidc?organisation=${orgs.riverside}`);
    const callback = await throughProvider(String(start.headers.location));
    const forged = await new AgencyClient(t.app).page(`${callback.pathname}${callback.search}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.body).toContain('Your sign-in took too long');
    expect(await accountOf('forged@riverside.example')).toBeUndefined();
  });
});

describe('the organisation’s ID token checks', () => {
  it.each<[TokenFault]>([['audience'], ['issuer'], ['nonce'], ['expired'], ['signature']])(
    'refuse a token with a fault (%s)',
    async (fault) => {
      faulty.fault = fault;
      faulty.claims = { email: `faulty.${fault}@faulty.example`, roles: ['faulty-portal'] };
      const client = new AgencyClient(t.app);
      const answer = await signInThrough(client, orgs.faulty);
      expect(answer.statusCode).toBe(401);
      expect(answer.body).toContain('We could not sign you in');
      expect(await accountOf(`faulty.${fault}@faulty.example`)).toBeUndefined();
      expect((await client.api('GET', '/api/agency-portal/session')).json()).toMatchObject({ user: null });
    },
  );

  it('accept the same provider’s right token', async () => {
    faulty.fault = 'none';
    faulty.claims = { email: 'faulty.none@faulty.example', roles: ['faulty-portal'] };
    expect((await signInThrough(new AgencyClient(t.app), orgs.faulty)).statusCode).toBe(200);
    expect(await accountOf('faulty.none@faulty.example')).toMatchObject({
      role: 'agency-user',
      organisation_id: orgs.faulty,
    });
  });
});

describe('passwords for the agency portal', () => {
  it('stop for an organisation that turns them off, and stay for the others', async () => {
    const pharmacyOrg = await organisation('Pharmacy Row Surgery', 'Y92004');
    const otherOrg = await organisation('Other Row Surgery', 'Y92005');
    const scope = (id: string) => ({ id, kind: 'gp-practice' as const });
    const [pharmacy, other] = await Promise.all([
      createTestAgencyUser(database.db, 'gp-practice', 'agency-user', scope(pharmacyOrg)),
      createTestAgencyUser(database.db, 'gp-practice', 'agency-user', scope(otherOrg)),
    ]);
    const staffAdmin = await createTestStaff(database.db, 'admin');
    await saveOrganisationSignIn(
      database.db,
      secret,
      pharmacyOrg,
      {
        issuer: riversideIdp.issuer,
        clientId: riversideIdp.clientId,
        clientSecret: riversideIdp.clientSecret,
        rolesClaim: 'roles',
        roleMap: { 'surgery-staff': 'agency-user' },
        passwords: false,
      },
      { type: 'staff', id: staffAdmin.id },
    );
    const refused = await new AgencyClient(t.app).signInWithForm(pharmacy);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your organisation signs in with its own account');
    const api = new AgencyClient(t.app);
    await api.api('GET', '/api/agency-portal/session');
    const viaApi = await api.api('POST', '/api/agency-portal/sign-in', {
      email: pharmacy.email,
      password: pharmacy.password,
    });
    expect(viaApi.statusCode).toBe(403);
    expect(viaApi.json()).toMatchObject({ code: 'password_sign_in_off' });
    expect((await api.api('GET', '/api/agency-portal/session')).json()).toMatchObject({ user: null });
    await signedInAgencyClient(t.app, other);
  });

  it('stop for everyone with AGENCY_PASSWORD_SIGN_IN off: no password form, page or API', async () => {
    const off = await createTestApp({
      database,
      env: { PUBLIC_URL: publicUrl, AGENCY_PASSWORD_SIGN_IN: 'off' },
    });
    try {
      const user = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', {
        id: orgs.hilltop,
        kind: 'gp-practice',
      });
      const client = new AgencyClient(off.app);
      const page = await client.page('/agency/sign-in');
      expect(page.body).not.toContain('type="password"');
      expect(page.body).toContain(`<option value="${orgs.hilltop}">Hilltop Medical Centre</option>`);
      const posted = await client.form('/agency/sign-in', [
        ['email', user.email],
        ['password', user.password],
      ]);
      // No password route: the post is refused, and signs nobody in.
      expect(posted.statusCode).toBeGreaterThanOrEqual(400);
      await client.api('GET', '/api/agency-portal/session');
      const api = await client.api('POST', '/api/agency-portal/sign-in', {
        email: user.email,
        password: user.password,
      });
      expect(api.statusCode).toBe(404);
      expect((await client.api('GET', '/api/agency-portal/session')).json()).toMatchObject({ user: null });
    } finally {
      await off.close();
    }
  });
});
