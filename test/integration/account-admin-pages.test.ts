import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: TestStaff;
let adminClient: StaffClient;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'http://127.0.0.1:4998' } });
  admin = await createTestStaff(t.database.db, 'admin');
  adminClient = new StaffClient(t.app);
  expect((await adminClient.signIn(admin)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};
const audited = (action: string) =>
  t.database.db.selectFrom('audit_events').select(['actor_id', 'detail']).where('action', '=', action).execute();
const linkIn = (body: string) => {
  const link = /data-testid="account-link"[^>]*>([^<]+)</.exec(body)?.[1] ?? '';
  return new URL(link.replaceAll('&amp;', '&'));
};

describe('account administration pages', () => {
  it('are for admins only: an adviser or supervisor is refused every one', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    for (const role of ['adviser', 'supervisor'] as const) {
      const client = await signedIn(await createTestStaff(t.database.db, role));
      for (const url of ['/staff/accounts', '/staff/accounts/invite', `/staff/accounts/${someone.id}`])
        expect((await client.page(url)).statusCode).toBe(403);
      await client.page('/staff/dashboard');
      expect((await client.form(`/staff/accounts/${someone.id}`, [['change', 'disable']])).statusCode).toBe(403);
    }
    expect(
      await t.database.db
        .selectFrom('staff_users')
        .select('disabled_at')
        .where('id', '=', someone.id)
        .executeTakeFirst(),
    ).toEqual({ disabled_at: null });
  });

  it('list the staff accounts, each linked to its page, and audit the view', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const page = await adminClient.page('/staff/accounts');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/staff/accounts/${adviser.id}"`);
    expect(page.body).toContain(adviser.email);
    expect(await audited('admin.accounts.viewed')).toContainEqual(expect.objectContaining({ actor_id: admin.id }));
  });

  it('change a role, disable (ending the account’s sessions at once) and enable again, all audited', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const theirs = await signedIn(adviser);
    await adminClient.page(`/staff/accounts/${adviser.id}`);
    const role = await adminClient.form(`/staff/accounts/${adviser.id}`, [
      ['change', 'role'],
      ['role', 'supervisor'],
    ]);
    expect(role.statusCode).toBe(303);
    expect(role.headers.location).toBe(`/staff/accounts/${adviser.id}?done=role`);
    const shown = await adminClient.page(String(role.headers.location));
    expect(shown.body).toContain('The role is changed');
    expect(shown.body).toContain('>supervisor<');

    const again = await signedIn(adviser);
    expect((await adminClient.form(`/staff/accounts/${adviser.id}`, [['change', 'disable']])).statusCode).toBe(303);
    expect((await again.page('/staff/dashboard')).headers.location).toBe('/staff/sign-in');
    expect((await theirs.page('/staff/dashboard')).headers.location).toBe('/staff/sign-in');
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(401);
    expect((await adminClient.page(`/staff/accounts/${adviser.id}`)).body).toContain('Enable account');
    expect((await adminClient.form(`/staff/accounts/${adviser.id}`, [['change', 'enable']])).statusCode).toBe(303);
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(200);
    for (const action of ['account.role', 'account.disable', 'account.enable']) {
      const lines = await audited(action);
      expect(
        lines.some(
          (line) => line.actor_id === admin.id && (line.detail as { account?: string }).account === adviser.id,
        ),
      ).toBe(true);
    }
  });

  it('refuse changing the admin’s own role with a GOV.UK error, and a role that does not exist', async () => {
    await adminClient.page(`/staff/accounts/${admin.id}`);
    const own = await adminClient.form(`/staff/accounts/${admin.id}`, [['change', 'disable']]);
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('govuk-error-summary');
    expect(own.body).toContain('Ask another administrator to change your own account');
    const adviser = await createTestStaff(t.database.db, 'adviser');
    await adminClient.page(`/staff/accounts/${adviser.id}`);
    const wrong = await adminClient.form(`/staff/accounts/${adviser.id}`, [
      ['change', 'role'],
      ['role', 'agency-admin'],
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#role"');
  });

  it('name an account (the admin’s own too) without ending its sessions, refuse an empty name, and audit it without the name', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const theirs = await signedIn(adviser);
    const before = await adminClient.page(`/staff/accounts/${adviser.id}`);
    expect(before.body).toContain('Not set');
    const empty = await adminClient.form(`/staff/accounts/${adviser.id}`, [
      ['change', 'name'],
      ['name', '   '],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#name"');
    expect(empty.body).toContain('Enter a name');
    const named = await adminClient.form(`/staff/accounts/${adviser.id}`, [
      ['change', 'name'],
      ['name', '  Grace Mensah '],
    ]);
    expect(named.headers.location).toBe(`/staff/accounts/${adviser.id}?done=name`);
    const shown = await adminClient.page(String(named.headers.location));
    expect(shown.body).toContain('The name is changed');
    expect(shown.body).toContain('value="Grace Mensah"');
    expect((await adminClient.page('/staff/accounts')).body).toContain('>Grace Mensah<');
    expect((await theirs.page('/staff/dashboard')).statusCode).toBe(200);

    await adminClient.page(`/staff/accounts/${admin.id}`);
    const own = await adminClient.form(`/staff/accounts/${admin.id}`, [
      ['change', 'name'],
      ['name', 'Ola Admin'],
    ]);
    expect(own.statusCode).toBe(303);
    const lines = (await audited('account.name')).map((line) => line.detail);
    expect(lines).toEqual(expect.arrayContaining([{ account: adviser.id }, { account: admin.id }]));
    expect(JSON.stringify(lines)).not.toContain('Grace');
  });

  it('reset a second factor, so the next sign-in sets one up', async () => {
    const supervisor = await createTestStaff(t.database.db, 'supervisor');
    await adminClient.page(`/staff/accounts/${supervisor.id}`);
    const reset = await adminClient.form(`/staff/accounts/${supervisor.id}`, [['change', 'reset-second-factor']]);
    expect(reset.statusCode).toBe(303);
    const client = new StaffClient(t.app);
    expect((await client.signIn({ email: supervisor.email, password: supervisor.password })).statusCode).toBe(200);
    expect((await client.page('/staff/dashboard')).headers.location).toBe('/staff/second-factor');
  });

  it('invite someone with a one-time link that sets their password once, and refuse a second use', async () => {
    await adminClient.page('/staff/accounts/invite');
    const empty = await adminClient.form('/staff/accounts/invite', [
      ['email', 'not an address'],
      ['role', 'adviser'],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter an email address in the correct format');
    const made = await adminClient.form('/staff/accounts/invite', [
      ['email', 'new.adviser@council.example'],
      ['name', 'Nia Jones'],
      ['role', 'adviser'],
    ]);
    expect(made.statusCode).toBe(200);
    expect((await adminClient.page('/staff/accounts')).body).toContain('>Nia Jones<');
    const link = linkIn(made.body);
    expect(link.origin).toBe('http://127.0.0.1:4998');
    const token = link.searchParams.get('token') ?? '';
    const stored = await t.database.db.selectFrom('staff_account_links').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    const twice = await adminClient.form('/staff/accounts/invite', [
      ['email', 'New.Adviser@council.example'],
      ['role', 'adviser'],
    ]);
    expect(twice.statusCode).toBe(409);

    const person = new StaffClient(t.app);
    const form = await person.page(`${link.pathname}${link.search}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('new.adviser@council.example');
    const mismatch = await person.form('/staff/set-password', [
      ['token', token],
      ['password', 'a long new password 1'],
      ['confirm', 'another long password'],
    ]);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Enter the same password in both boxes');
    const set = await person.form('/staff/set-password', [
      ['token', token],
      ['password', 'a long new password 1'],
      ['confirm', 'a long new password 1'],
    ]);
    expect(set.statusCode).toBe(200);
    expect(set.body).toContain('Your password is set');
    expect(
      (await new StaffClient(t.app).signIn({ email: 'new.adviser@council.example', password: 'a long new password 1' }))
        .statusCode,
    ).toBe(200);
    expect((await person.page(`${link.pathname}${link.search}`)).statusCode).toBe(410);
    expect(await audited('account.invited')).toContainEqual(expect.objectContaining({ actor_id: admin.id }));
    expect(await audited('account.invitation-accepted')).toHaveLength(1);
  });

  it('make a password reset link: the old password works until it is used, then only the new one', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    await adminClient.page(`/staff/accounts/${adviser.id}`);
    const made = await adminClient.form(`/staff/accounts/${adviser.id}`, [['change', 'reset-password']]);
    expect(made.statusCode).toBe(200);
    const link = linkIn(made.body);
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(200);
    const person = new StaffClient(t.app);
    await person.page(`${link.pathname}${link.search}`);
    const set = await person.form('/staff/set-password', [
      ['token', link.searchParams.get('token') ?? ''],
      ['password', 'the replacement password'],
      ['confirm', 'the replacement password'],
    ]);
    expect(set.statusCode).toBe(200);
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(401);
    expect(
      (await new StaffClient(t.app).signIn({ email: adviser.email, password: 'the replacement password' })).statusCode,
    ).toBe(200);
    expect(await audited('account.password-reset')).toContainEqual(expect.objectContaining({ actor_id: adviser.id }));
  });
});
