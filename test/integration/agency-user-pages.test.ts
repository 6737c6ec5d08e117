import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const organisation = async (name: string, code: string) => {
  const made = await createOrganisation(
    t.database.db,
    { kind: 'gp-practice', name, code, areas: [], postcode: 'NB1 1AA' },
    { type: 'system' },
  );
  return { id: made.id, kind: 'gp-practice' as const };
};

describe('an agency admin’s portal account pages', () => {
  it('show and change their own organisation’s accounts only; another’s is not found; an agency user is refused', async () => {
    const [riverside, hilltop] = await Promise.all([
      organisation('Riverside Surgery', 'Y91001'),
      organisation('Hilltop Medical Centre', 'Y91002'),
    ]);
    const admin = await createTestAgencyUser(t.database.db, 'gp-practice', 'agency-admin', riverside);
    const colleague = await createTestAgencyUser(t.database.db, 'gp-practice', 'agency-user', riverside);
    const stranger = await createTestAgencyUser(t.database.db, 'gp-practice', 'agency-user', hilltop);
    const client = await signedInAgencyClient(t.app, admin);
    const colleagueClient = await signedInAgencyClient(t.app, colleague);

    const list = await client.page('/agency/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/agency/users/${colleague.id}"`);
    expect(list.body).not.toContain(stranger.email);
    expect((await client.page(`/agency/users/${stranger.id}`)).statusCode).toBe(404);
    await client.page(`/agency/users/${colleague.id}`);
    expect((await client.form(`/agency/users/${stranger.id}`, [['change', 'disable']])).statusCode).toBe(404);
    const staff = await createTestStaff(t.database.db, 'adviser');
    expect((await client.page(`/agency/users/${staff.id}`)).statusCode).toBe(404);

    expect((await colleagueClient.page('/agency/users')).statusCode).toBe(403);
    expect((await colleagueClient.page(`/agency/users/${colleague.id}`)).statusCode).toBe(403);

    await client.page(`/agency/users/${colleague.id}`);
    const disabled = await client.form(`/agency/users/${colleague.id}`, [['change', 'disable']]);
    expect(disabled.statusCode).toBe(303);
    expect(disabled.headers.location).toBe(`/agency/users/${colleague.id}?done=disable`);
    expect((await client.page(String(disabled.headers.location))).body).toContain('The account is disabled');
    expect((await colleagueClient.page('/agency/notifications')).statusCode).toBe(303);
    const own = await client.form(`/agency/users/${admin.id}`, [['change', 'disable']]);
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('Ask another administrator to change your own account');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_id', '=', admin.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['agency.accounts.viewed', 'agency.account.viewed', 'account.disable']),
    );
  });

  it('cannot be reached from the staff console', async () => {
    const staffAdmin = await createTestStaff(t.database.db, 'admin');
    const client = new StaffClient(t.app);
    await client.signIn(staffAdmin);
    const answer = await client.page('/agency/users');
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/agency/sign-in');
  });
});
