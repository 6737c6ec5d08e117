import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let adviser: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  adviser = await createTestStaff(t.database.db, 'adviser');
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff, address?: string) => {
  const client = new StaffClient(t.app, address);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};
const sessionRows = (staffId: string) =>
  t.database.db.selectFrom('staff_sessions').selectAll().where('staff_id', '=', staffId).execute();

describe('signing in', () => {
  it('sets a httpOnly, SameSite=Strict session cookie on the whole site, and says who is signed in', async () => {
    const client = new StaffClient(t.app);
    await client.api('GET', '/api/staff/session');
    const response = await client.api('POST', '/api/staff/sign-in', {
      email: adviser.email.toUpperCase(),
      password: adviser.password,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { id: adviser.id, email: adviser.email, role: 'adviser' },
      assisting: null,
    });
    const cookie = response.cookies.find((c) => c.name === 'tuo-staff');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // It lapses after 30 idle minutes (each request moves it on).
    expect(Math.abs((cookie?.expires?.getTime() ?? 0) - (Date.now() + 30 * 60 * 1000))).toBeLessThan(5_000);
  });

  it('makes the cookie Secure, with the __Host- prefix, when the portal is served over HTTPS', async () => {
    const https = await createTestApp({
      env: { PUBLIC_URL: 'https://tell-us-once.council.example', TRUST_PROXY: 'true' },
    });
    try {
      const response = await https.app.inject({
        method: 'GET',
        url: '/api/staff/session',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.cookies.find((c) => c.name === '__Host-tuo-staff')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
      });
    } finally {
      await https.close();
    }
  });

  it('gives a new session id at sign-in, and the id from before it no longer works (no session fixation)', async () => {
    const client = new StaffClient(t.app);
    await client.api('GET', '/api/staff/session');
    const before = client.staffCookie;
    const tokenBefore = client.csrf;
    expect(before).toBeDefined();
    await client.api('POST', '/api/staff/sign-in', { email: adviser.email, password: adviser.password });
    expect(client.staffCookie).toBeDefined();
    expect(client.staffCookie).not.toBe(before);
    expect(client.csrf).not.toBe(tokenBefore);
    // An attacker who planted the earlier cookie gains nothing.
    const planted = await t.app.inject({
      method: 'GET',
      url: '/api/staff/dashboard',
      headers: { cookie: `tuo-staff=${before ?? ''}` },
    });
    expect(planted.statusCode).toBe(401);
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const unknown = new StaffClient(t.app, '10.0.0.1');
    await unknown.api('GET', '/api/staff/session');
    const a = await unknown.api('POST', '/api/staff/sign-in', {
      email: 'nobody@council.example',
      password: 'whatever-it-is',
    });
    const b = await unknown.api('POST', '/api/staff/sign-in', { email: adviser.email, password: 'not-the-password' });
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    const { requestId: _a, ...first } = a.json<{ requestId: string }>();
    const { requestId: _b, ...second } = b.json<{ requestId: string }>();
    expect(first).toEqual(second);
    expect(first).toMatchObject({ code: 'sign_in_failed', detail: 'Enter a correct email address and password' });
  });
});

describe('throttling', () => {
  it('throttles an address guessing at many accounts', async () => {
    const guesser = new StaffClient(t.app, '10.2.0.1');
    await guesser.api('GET', '/api/staff/session');
    const statuses: number[] = [];
    for (let n = 1; n <= 31; n += 1)
      statuses.push(
        (
          await guesser.api('POST', '/api/staff/sign-in', {
            email: `user${String(n)}@council.example`,
            password: 'Password1',
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // The same person elsewhere is not affected.
    expect((await new StaffClient(t.app, '10.2.0.2').signIn(adviser)).statusCode).toBe(200);
  });
});

describe('timeouts', () => {
  it('ends a session idle for 30 minutes', async () => {
    const client = await signedIn(adviser);
    await t.database.db
      .updateTable('staff_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_id', '=', adviser.id)
      .execute();
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
  });

  it('pushes the idle expiry on with each request, but never the sign-in time', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    const client = await signedIn(someone);
    const [first] = await sessionRows(someone.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.api('GET', '/api/staff/dashboard');
    const [second] = await sessionRows(someone.id);
    expect(second?.expires_at.getTime()).toBeGreaterThan(first?.expires_at.getTime() ?? Infinity);
    expect(second?.expires_at.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000);
    expect(second?.signed_in_at).toEqual(first?.signed_in_at);
  });

  it('ends a session 10 hours after sign-in however active it is', async () => {
    const client = await signedIn(adviser);
    const almost = new Date(Date.now() - 10 * 60 * 60 * 1000 + 60_000);
    await t.database.db
      .updateTable('staff_sessions')
      .set({ signed_in_at: almost })
      .where('staff_id', '=', adviser.id)
      .execute();
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(200);
    await t.database.db
      .updateTable('staff_sessions')
      .set({ signed_in_at: new Date(Date.now() - 10 * 60 * 60 * 1000 - 1000) })
      .where('staff_id', '=', adviser.id)
      .execute();
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
  });
});

describe('signing out', () => {
  it('ends this session only', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    const [laptop, desk] = [await signedIn(someone), await signedIn(someone)];
    expect((await laptop.api('POST', '/api/staff/sign-out')).statusCode).toBe(204);
    expect((await laptop.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
    expect((await desk.api('GET', '/api/staff/dashboard')).statusCode).toBe(200);
    expect(await sessionRows(someone.id)).toHaveLength(1);
  });

  it('everywhere: every session of that person ends, nobody else’s', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    const sessions = [await signedIn(someone), await signedIn(someone), await signedIn(someone)];
    const colleague = await signedIn(adviser);
    expect((await sessions[0]?.api('POST', '/api/staff/sign-out-everywhere'))?.statusCode).toBe(204);
    for (const client of sessions) expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
    expect(await sessionRows(someone.id)).toHaveLength(0);
    expect((await colleague.api('GET', '/api/staff/dashboard')).statusCode).toBe(200);
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', someone.id)
      .orderBy('id')
      .execute();
    expect(audited.map((row) => row.action)).toEqual([
      'staff.signed-in',
      'staff.signed-in',
      'staff.signed-in',
      'staff.signed-out-everywhere',
    ]);
  });
});
