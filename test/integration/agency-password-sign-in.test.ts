import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveOrganisationSignIn } from '../../server/src/agency-portal/organisation-sign-in.js';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { AgencyClient, createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { createTestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testSessionSecret as secret } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Passwords in the agency portal beside the organisations' own providers: off for one
// organisation that says so, or for the whole install with AGENCY_PASSWORD_SIGN_IN=off.
const publicUrl = 'http://127.0.0.1:4996';

let database: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  database = await createTestDatabase();
  t = await createTestApp({ database, env: { PUBLIC_URL: publicUrl } });
});
afterAll(async () => {
  await t.close();
  await database.drop();
});

const organisation = async (name: string, code: string) =>
  (
    await createOrganisation(
      database.db,
      { kind: 'gp-practice', name, code, areas: [], postcode: 'NB1 1AA' },
      { type: 'system' },
    )
  ).id;

describe('passwords for the agency portal', () => {
  it('stop for an organisation that turns them off, and stay for the others', async () => {
    const pharmacyOrg = await organisation('Pharmacy Row Surgery', 'Y94004');
    const otherOrg = await organisation('Other Row Surgery', 'Y94005');
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
        issuer: 'https://login.microsoftonline.com/pharmacy-row/v2.0',
        clientId: 'portal',
        clientSecret: 'pharmacy-row-client-secret',
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
      const hilltop = await organisation('Hilltop Medical Centre', 'Y94002');
      await saveOrganisationSignIn(
        database.db,
        secret,
        hilltop,
        {
          issuer: 'https://login.microsoftonline.com/hilltop/v2.0',
          clientId: 'portal',
          clientSecret: 'hilltop-client-secret',
          rolesClaim: 'roles',
          roleMap: { 'hilltop-portal': 'agency-user' },
          passwords: true,
        },
        { type: 'staff', id: (await createTestStaff(database.db, 'admin')).id },
      );
      const user = await createTestAgencyUser(database.db, 'gp-practice', 'agency-user', {
        id: hilltop,
        kind: 'gp-practice',
      });
      const client = new AgencyClient(off.app);
      const page = await client.page('/agency/sign-in');
      expect(page.body).not.toContain('type="password"');
      expect(page.body).toContain('>Sign in with Hilltop Medical Centre</a>');
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
