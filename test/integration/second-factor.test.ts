import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/src/console/second-factor.js';
import { AgencyClient, createTestAgencyUser } from '../support/agency-client.js';
import { nextSecondFactorCode } from '../support/second-factor.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const keyOf = (body: string) => (/data-testid="totp-key">([^<]+)</.exec(body)?.[1] ?? '').replace(/\s/g, '');
const audited = (action: string) =>
  t.database.db.selectFrom('audit_events').select(['actor_id', 'detail']).where('action', '=', action).execute();

describe('a second factor', () => {
  it('takes an admin without one to set-up before any admin page or API, then keeps them to it', async () => {
    const admin = await createTestStaff(t.database.db, 'admin', undefined, { secondFactor: false });
    const client = new StaffClient(t.app);
    expect((await client.signIn(admin)).statusCode).toBe(200);
    const page = await client.page('/staff/audit');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/staff/second-factor');
    expect((await client.page('/staff/dashboard')).headers.location).toBe('/staff/second-factor');
    const api = await client.api('GET', '/api/admin/audit');
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ code: 'second_factor_required' });

    const setUp = await client.page('/staff/second-factor');
    expect(setUp.statusCode).toBe(200);
    expect(setUp.body).toContain('data:image/svg+xml;base64,');
    const key = keyOf(setUp.body);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // Reloading shows the same key until it is confirmed.
    expect(keyOf((await client.page('/staff/second-factor')).body)).toBe(key);
    const wrong = await client.form('/staff/second-factor', [['code', '000000']]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The code is not right');
    const done = await client.form('/staff/second-factor', [['code', totpCode(key)]]);
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((match) => match[1]);
    expect(codes).toHaveLength(10);
    expect((await client.page('/staff/audit')).statusCode).toBe(200);
    // Only hashes are kept.
    const stored = await t.database.db
      .selectFrom('staff_recovery_codes')
      .select('code_hash')
      .where('staff_id', '=', admin.id)
      .execute();
    expect(stored.map((row) => row.code_hash)).not.toContain(codes[0]);
    expect(await audited('staff.second-factor.set-up')).toContainEqual(expect.objectContaining({ actor_id: admin.id }));
  });

  it('asks for the code after the password; refuses a wrong, replayed or stale one; a recovery code works once', async () => {
    const supervisor = await createTestStaff(t.database.db, 'supervisor');
    const factor = supervisor.secondFactor;
    if (!factor) throw new Error('supervisors get a second factor');
    const client = new StaffClient(t.app);
    await client.page('/staff/sign-in');
    const password = await client.form('/staff/sign-in', [
      ['email', supervisor.email],
      ['password', supervisor.password],
    ]);
    expect(password.headers.location).toBe('/staff/sign-in/code');
    // Not signed in yet.
    expect((await client.page('/staff/dashboard')).headers.location).toBe('/staff/sign-in');
    await client.page('/staff/sign-in/code');
    expect((await client.form('/staff/sign-in/code', [['code', '123456']])).statusCode).toBe(401);
    const stale = totpCode(factor.secret, Date.now() - 5 * 60 * 1000);
    expect((await client.form('/staff/sign-in/code', [['code', stale]])).statusCode).toBe(401);
    const code = await nextSecondFactorCode(t.database.db, supervisor.id, factor);
    const signedIn = await client.form('/staff/sign-in/code', [['code', code]]);
    expect(signedIn.headers.location).toBe('/staff/dashboard');
    expect((await client.page('/staff/dashboard')).statusCode).toBe(200);

    // The same code again, in another browser: a replay.
    const other = new StaffClient(t.app);
    await other.api('GET', '/api/staff/session');
    expect(
      (
        await other.api('POST', '/api/staff/sign-in', { email: supervisor.email, password: supervisor.password })
      ).json(),
    ).toMatchObject({ awaiting: 'second-factor', user: null });
    const replay = await other.api('POST', '/api/staff/sign-in/code', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'second_factor_refused' });

    const recovery = factor.recoveryCodes[0] ?? '';
    expect((await other.api('POST', '/api/staff/sign-in/code', { code: recovery.toUpperCase() })).statusCode).toBe(200);
    const third = new StaffClient(t.app);
    await third.api('GET', '/api/staff/session');
    await third.api('POST', '/api/staff/sign-in', { email: supervisor.email, password: supervisor.password });
    expect((await third.api('POST', '/api/staff/sign-in/code', { code: recovery })).statusCode).toBe(401);
    const signIns = await audited('staff.signed-in');
    expect(
      signIns
        .filter((row) => row.actor_id === supervisor.id)
        .map((row) => (row.detail as { secondFactor: string }).secondFactor),
    ).toEqual(['totp', 'recovery-code']);
    expect((await audited('staff.second-factor.refused')).filter((row) => row.actor_id === supervisor.id).length).toBe(
      4,
    );
  });

  it('asks for the password again after five wrong codes', async () => {
    const admin = await createTestStaff(t.database.db, 'admin');
    const client = new StaffClient(t.app);
    await client.api('GET', '/api/staff/session');
    await client.api('POST', '/api/staff/sign-in', { email: admin.email, password: admin.password });
    for (let n = 0; n < 5; n += 1) await client.api('POST', '/api/staff/sign-in/code', { code: '000000' });
    const code = await nextSecondFactorCode(
      t.database.db,
      admin.id,
      admin.secondFactor ?? { secret: '', recoveryCodes: [] },
    );
    const after = await client.api('POST', '/api/staff/sign-in/code', { code });
    expect(after.json()).toMatchObject({ code: 'second_factor_expired' });
  });

  it('is offered to an adviser, who is not made to set one up', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const client = new StaffClient(t.app);
    await client.signIn(adviser);
    expect((await client.page('/staff/dashboard')).statusCode).toBe(200);
    const offer = await client.page('/staff/second-factor');
    expect(offer.statusCode).toBe(200);
    expect(offer.body).toContain('Set up a second factor');
    expect(offer.body).not.toContain('Your role needs a second factor');
  });

  it('takes an agency admin without one to set-up, and asks one who has it for the code', async () => {
    const admin = await createTestAgencyUser(t.database.db, 'council', 'agency-admin');
    const client = new AgencyClient(t.app);
    const signedIn = await client.signInWithForm(admin);
    expect(signedIn.headers.location).toBe('/agency/notifications');
    expect((await client.page('/agency/keys')).statusCode).toBe(200);

    await t.database.db
      .updateTable('staff_users')
      .set({ totp_sealed_secret: null, totp_enrolled_at: null })
      .where('id', '=', admin.id)
      .execute();
    expect((await client.page('/agency/keys')).headers.location).toBe('/agency/second-factor');
    const api = await client.api('GET', '/api/agency-portal/keys');
    expect(api.json()).toMatchObject({ code: 'second_factor_required' });
    const setUp = await client.page('/agency/second-factor');
    expect(setUp.statusCode).toBe(200);
    expect((await client.form('/agency/second-factor', [['code', totpCode(keyOf(setUp.body))]])).statusCode).toBe(200);
    expect((await client.page('/agency/keys')).statusCode).toBe(200);
  });
});
