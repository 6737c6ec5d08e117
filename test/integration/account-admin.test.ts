import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: TestStaff;
let adminClient: StaffClient;
beforeAll(async () => {
  t = await createTestApp();
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

describe('staff account administration', () => {
  it('is for admins only: an adviser or supervisor cannot reach it', async () => {
    for (const role of ['adviser', 'supervisor'] as const) {
      const client = await signedIn(await createTestStaff(t.database.db, role));
      expect((await client.api('GET', '/api/admin/accounts')).statusCode).toBe(403);
      const someone = await createTestStaff(t.database.db, 'adviser');
      expect((await client.api('POST', `/api/admin/accounts/${someone.id}`, { change: 'disable' })).statusCode).toBe(
        403,
      );
    }
  });

  it('lists staff accounts only, never agency portal ones', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const clerk = await createTestAgencyUser(t.database.db, 'council');
    const listed = (await adminClient.api('GET', '/api/admin/accounts')).json<
      { id: string; secondFactor: boolean }[]
    >();
    expect(listed.map((account) => account.id)).toContain(adviser.id);
    expect(listed.map((account) => account.id)).not.toContain(clerk.id);
    expect(listed.find((account) => account.id === admin.id)?.secondFactor).toBe(true);
    expect((await adminClient.api('POST', `/api/admin/accounts/${clerk.id}`, { change: 'disable' })).statusCode).toBe(
      404,
    );
  });

  it('disables an account: its open session stops at once and it cannot sign in until enabled again', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const open = await signedIn(adviser);
    expect((await adminClient.api('POST', `/api/admin/accounts/${adviser.id}`, { change: 'disable' })).statusCode).toBe(
      204,
    );
    expect((await open.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(401);
    expect((await adminClient.api('POST', `/api/admin/accounts/${adviser.id}`, { change: 'enable' })).statusCode).toBe(
      204,
    );
    expect((await new StaffClient(t.app).signIn(adviser)).statusCode).toBe(200);
    expect(await audited('account.disable')).toContainEqual({ actor_id: admin.id, detail: { account: adviser.id } });
    expect(await audited('account.enable')).toContainEqual({ actor_id: admin.id, detail: { account: adviser.id } });
  });

  it('changes a role (staff roles only), ending the sessions of the old one', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const open = await signedIn(adviser);
    const bad = await adminClient.api('POST', `/api/admin/accounts/${adviser.id}`, {
      change: 'role',
      role: 'agency-admin',
    });
    expect(bad.statusCode).toBe(400);
    const url = `/api/admin/accounts/${adviser.id}`;
    expect((await adminClient.api('POST', url, { change: 'role', role: 'supervisor' })).statusCode).toBe(204);
    expect((await open.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
    expect(await audited('account.role')).toContainEqual({
      actor_id: admin.id,
      detail: { account: adviser.id, from: 'adviser', to: 'supervisor' },
    });
    // A supervisor now, without a second factor: set-up comes first.
    const again = await signedIn(adviser);
    expect((await again.api('GET', '/api/staff/dashboard')).json()).toMatchObject({ code: 'second_factor_required' });
  });

  it('resets a second factor: the owner sets one up again before anything else', async () => {
    const supervisor = await createTestStaff(t.database.db, 'supervisor');
    expect(
      (await adminClient.api('POST', `/api/admin/accounts/${supervisor.id}`, { change: 'reset-second-factor' }))
        .statusCode,
    ).toBe(204);
    const client = new StaffClient(t.app);
    const response = await client.signIn({ email: supervisor.email, password: supervisor.password });
    expect(response.json()).toMatchObject({ user: { id: supervisor.id } });
    expect((await client.api('GET', '/api/staff/dashboard')).json()).toMatchObject({ code: 'second_factor_required' });
    expect(
      await t.database.db
        .selectFrom('staff_recovery_codes')
        .select('id')
        .where('staff_id', '=', supervisor.id)
        .execute(),
    ).toEqual([]);
  });

  it('will not let an admin disable or demote themselves', async () => {
    expect((await adminClient.api('POST', `/api/admin/accounts/${admin.id}`, { change: 'disable' })).statusCode).toBe(
      409,
    );
  });
});

describe('agency portal account administration', () => {
  it('an agency admin sees and changes their own agency’s users and nobody else’s', async () => {
    const councilAdmin = await createTestAgencyUser(t.database.db, 'council', 'agency-admin');
    const clerk = await createTestAgencyUser(t.database.db, 'council');
    const nhsClerk = await createTestAgencyUser(t.database.db, 'gp-practice');
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const client = await signedInAgencyClient(t.app, councilAdmin);
    // The anti-forgery token of the signed-in session, as a page carries it.
    await client.page('/agency/notifications');
    const listed = (await client.api('GET', '/api/agency-portal/users')).json<{ id: string; agency: string }[]>();
    expect(listed.map((account) => account.id)).toContain(clerk.id);
    expect(listed.every((account) => account.agency === 'council')).toBe(true);
    for (const other of [nhsClerk.id, adviser.id])
      expect((await client.api('POST', `/api/agency-portal/users/${other}`, { change: 'disable' })).statusCode).toBe(
        404,
      );
    const clerkClient = await signedInAgencyClient(t.app, clerk);
    expect((await client.api('POST', `/api/agency-portal/users/${clerk.id}`, { change: 'disable' })).statusCode).toBe(
      204,
    );
    expect((await clerkClient.page('/agency/notifications')).headers.location).toBe('/agency/sign-in');
    // A plain agency user cannot reach it.
    const nhsClient = await signedInAgencyClient(t.app, nhsClerk);
    expect((await nhsClient.api('GET', '/api/agency-portal/users')).statusCode).toBe(403);
  });
});
