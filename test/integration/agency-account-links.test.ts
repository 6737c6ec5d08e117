import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { AgencyClient, createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { fakeNotify } from '../support/fake-notify.js';
import { createTestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { outsideServices } from '../support/outside-services.js';

const publicUrl = 'http://127.0.0.1:4997';
const notify = fakeNotify();
outsideServices({ handlers: notify.handlers, unhandled: 'bypass' });
const linkTemplate = randomUUID();
const notifyEnv = (apiKey: string) => ({
  NOTIFY_API_KEY: apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_ACCOUNT_LINK_TEMPLATE_ID: linkTemplate,
});

let database: TestDatabase;
let t: TestApp;
let withNotify: TestApp;
let refusingNotify: TestApp;
const orgs = { riverside: { id: '', kind: 'gp-practice' as const }, hilltop: { id: '', kind: 'gp-practice' as const } };

beforeAll(async () => {
  database = await createTestDatabase();
  [t, withNotify, refusingNotify] = await Promise.all([
    createTestApp({ database, env: { PUBLIC_URL: publicUrl } }),
    createTestApp({
      database,
      env: { PUBLIC_URL: publicUrl, ...notifyEnv(notify.apiKey) },
    }),
    // A key of another Notify service: Notify refuses it (403), so the link is shown instead.
    createTestApp({
      database,
      env: { PUBLIC_URL: publicUrl, ...notifyEnv(fakeNotify().apiKey) },
    }),
  ]);
  for (const [name, code] of [
    ['riverside', 'Y93001'],
    ['hilltop', 'Y93002'],
  ] as const) {
    const made = await createOrganisation(
      database.db,
      { kind: 'gp-practice', name: `${name} surgery`, code, areas: [], postcode: 'NB1 1AA' },
      { type: 'system' },
    );
    orgs[name].id = made.id;
  }
});
afterEach(() => {
  notify.sent.length = 0;
});
afterAll(async () => {
  await Promise.all([t.close(), withNotify.close(), refusingNotify.close()]);
  await database.drop();
});

const linkIn = (body: string) => {
  const link = /data-testid="account-link"[^>]*>([^<]+)</.exec(body)?.[1] ?? '';
  return new URL(link.replaceAll('&amp;', '&'));
};
const audited = (action: string, actor: string) =>
  database.db
    .selectFrom('audit_events')
    .select('detail')
    .where('action', '=', action)
    .where('actor_id', '=', actor)
    .execute();

/** Sets a password through a one-time link, as its person would. */
async function setPassword(app: TestApp, link: URL, password: string) {
  const client = new AgencyClient(app.app);
  const page = await client.page(`${link.pathname}${link.search}`);
  expect(page.statusCode).toBe(200);
  return client.form(link.pathname, [
    ['token', link.searchParams.get('token') ?? ''],
    ['password', password],
    ['confirm', password],
  ]);
}

describe('an agency admin inviting people and resetting passwords, without Notify', () => {
  it('invites someone to their own organisation with a link shown once, which sets the password once', async () => {
    const admin = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', orgs.riverside);
    const client = await signedInAgencyClient(t.app, admin);
    expect((await client.page('/agency/users')).body).toContain('href="/agency/users/invite"');
    const form = await client.page('/agency/users/invite');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<option value="agency-admin">agency admin</option>');

    const wrong = await client.form('/agency/users/invite', [
      ['email', 'not an address'],
      ['role', 'admin'],
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter an email address in the correct format, like name@example.org');
    expect(wrong.body).toContain('Select a role');

    await client.page('/agency/users/invite');
    const invited = await client.form('/agency/users/invite', [
      ['email', 'new.receptionist@riverside.example'],
      ['role', 'agency-user'],
    ]);
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toContain('Invitation made');
    expect(invited.body).toContain('This is the only time the link is shown');
    const link = linkIn(invited.body);
    expect(link.origin).toBe(publicUrl);
    expect(link.pathname).toBe('/agency/set-password');
    const account = await database.db
      .selectFrom('staff_users')
      .select(['id', 'role', 'organisation_id', 'agency', 'password_hash'])
      .where('email', '=', 'new.receptionist@riverside.example')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({
      role: 'agency-user',
      organisation_id: orgs.riverside.id,
      agency: 'gp-practice',
      password_hash: null,
    });
    expect(await audited('account.invited', admin.id)).toEqual([
      { detail: { account: account.id, role: 'agency-user' } },
    ]);

    await client.page('/agency/users/invite');
    const again = await client.form('/agency/users/invite', [
      ['email', 'New.Receptionist@riverside.example'],
      ['role', 'agency-user'],
    ]);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('There is already an account for this email address');

    const set = await setPassword(t, link, 'correct horse battery staple');
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('Your password is set');
    const signIn = await new AgencyClient(t.app).signInWithForm({
      email: 'new.receptionist@riverside.example',
      password: 'correct horse battery staple',
    });
    expect(signIn.headers.location).toBe('/agency/notifications');
    const used = await new AgencyClient(t.app).page(`${link.pathname}${link.search}`);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('This link has expired or been used');
  });

  it('makes a reset link for their own organisation’s users only; a staff account’s link does not work in the portal', async () => {
    const admin = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', orgs.riverside);
    const colleague = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', orgs.riverside);
    const stranger = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', orgs.hilltop);
    const client = await signedInAgencyClient(t.app, admin);

    await client.page(`/agency/users/${colleague.id}`);
    const reset = await client.form(`/agency/users/${colleague.id}`, [['change', 'reset-password']]);
    expect(reset.statusCode).toBe(200);
    expect(reset.body).toContain('Password reset link made');
    const link = linkIn(reset.body);
    // The old password works until the link is used.
    await signedInAgencyClient(t.app, colleague);
    expect((await setPassword(t, link, 'a brand new passphrase')).statusCode).toBe(200);
    const old = await new AgencyClient(t.app).signInWithForm(colleague);
    expect(old.statusCode).toBe(401);
    expect(await audited('account.reset-password', admin.id)).toEqual([{ detail: { account: colleague.id } }]);

    await client.page(`/agency/users/${colleague.id}`);
    const other = await client.form(`/agency/users/${stranger.id}`, [['change', 'reset-password']]);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('account-link');
    const strangerSecond = await client.form(`/agency/users/${stranger.id}`, [['change', 'reset-second-factor']]);
    expect(strangerSecond.statusCode).toBe(404);

    // A staff admin's reset link, taken to the portal's page, is not a portal link.
    const staffAdmin = await createTestStaff(database.db, 'admin');
    const staffClient = new AgencyClient(t.app);
    await staffClient.signIn(staffAdmin);
    const staffPerson = await createTestStaff(database.db, 'adviser');
    await staffClient.page(`/staff/accounts/${staffPerson.id}`);
    const staffLink = linkIn(
      (await staffClient.form(`/staff/accounts/${staffPerson.id}`, [['change', 'reset-password']])).body,
    );
    expect(staffLink.pathname).toBe('/staff/set-password');
    const crossed = await new AgencyClient(t.app).page(`/agency/set-password${staffLink.search}`);
    expect(crossed.statusCode).toBe(410);
  });

  it('keeps another organisation’s users out of the API too: not listed, and not found to change', async () => {
    const admin = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', orgs.hilltop);
    const colleague = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', orgs.hilltop);
    const stranger = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', orgs.riverside);
    const client = await signedInAgencyClient(t.app, admin);
    await client.api('GET', '/api/agency-portal/session');
    const listed = (await client.api('GET', '/api/agency-portal/users')).json<{ id: string }[]>().map((a) => a.id);
    expect(listed).toEqual(expect.arrayContaining([admin.id, colleague.id]));
    expect(listed).not.toContain(stranger.id);
    for (const change of ['disable', 'reset-second-factor'] as const)
      expect((await client.api('POST', `/api/agency-portal/users/${stranger.id}`, { change })).statusCode).toBe(404);
    expect(
      (await client.api('POST', `/api/agency-portal/users/${stranger.id}`, { change: 'role', role: 'agency-admin' }))
        .statusCode,
    ).toBe(404);
    const strangerRow = await database.db
      .selectFrom('staff_users')
      .select(['role', 'disabled_at'])
      .where('id', '=', stranger.id)
      .executeTakeFirstOrThrow();
    expect(strangerRow).toEqual({ role: 'agency-user', disabled_at: null });
  });
});

describe('one-time links through GOV.UK Notify', () => {
  it('emails an invitation to its person and does not show it; the emailed link works', async () => {
    const admin = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', orgs.hilltop);
    const client = await signedInAgencyClient(withNotify.app, admin);
    await client.page('/agency/users/invite');
    const invited = await client.form('/agency/users/invite', [
      ['email', 'emailed.person@hilltop.example'],
      ['role', 'agency-admin'],
    ]);
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toContain('We have emailed the link to emailed.person@hilltop.example');
    expect(invited.body).not.toContain('data-testid="account-link"');
    expect(invited.body).not.toContain('/agency/set-password?token=');
    expect(notify.sent).toHaveLength(1);
    const [sent] = notify.sent;
    expect(sent).toMatchObject({
      type: 'email',
      templateId: linkTemplate,
      to: 'emailed.person@hilltop.example',
      personalisation: { console: 'the Tell Us Once agency portal', purpose: 'set up your account' },
    });
    expect(sent?.personalisation.expires).toMatch(/^\d{1,2} [A-Z][a-z]+ 2\d{3}/);
    const link = new URL(sent?.personalisation.link ?? '');
    expect(link.pathname).toBe('/agency/set-password');
    expect(withNotify.logs()).not.toContain(link.searchParams.get('token') ?? 'no token');
    expect((await setPassword(withNotify, link, 'emailed passphrase here')).statusCode).toBe(200);
  });

  it('shows the link once instead when Notify refuses it, and logs no address or link', async () => {
    const admin = await createTestAgencyUser(database.db, 'gp-practice', 'agency-admin', orgs.hilltop);
    const colleague = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', orgs.hilltop);
    const client = await signedInAgencyClient(refusingNotify.app, admin);
    await client.page(`/agency/users/${colleague.id}`);
    const reset = await client.form(`/agency/users/${colleague.id}`, [['change', 'reset-password']]);
    expect(reset.statusCode).toBe(200);
    const link = linkIn(reset.body);
    expect(link.pathname).toBe('/agency/set-password');
    expect(notify.sent).toHaveLength(0);
    expect(refusingNotify.logs()).toContain('GOV.UK Notify did not take the account link');
    expect(refusingNotify.logs()).not.toContain(colleague.email);
    expect(refusingNotify.logs()).not.toContain(link.searchParams.get('token') ?? 'no token');
  });
});
