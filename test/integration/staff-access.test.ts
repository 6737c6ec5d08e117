import { randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resident } from '../support/resident.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
let staff: Record<'adviser' | 'supervisor' | 'admin', TestStaff>;
let reference: string;
let protectedRoutes: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }[];

const publicRoutes = ['GET /api/staff/session', 'POST /api/staff/sign-in', 'POST /api/staff/sign-in/code'];

beforeAll(async () => {
  t = await createTestApp();
  staff = {
    adviser: await createTestStaff(t.database.db, 'adviser'),
    supervisor: await createTestStaff(t.database.db, 'supervisor'),
    admin: await createTestStaff(t.database.db, 'admin'),
  };
  const created = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  reference = created.json<{ reference: string }>().reference;
  // Every staff and admin operation the API documents, with real-looking parameters.
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  protectedRoutes = Object.entries(document.paths)
    .filter(([path]) => /^\/api\/(staff|admin)\//.test(path))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({
        method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE',
        url: path.replace('{reference}', reference).replace('{id}', randomUUID()),
      })),
    )
    .filter((route) => !publicRoutes.includes(`${route.method} ${route.url}`));
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};

describe('the staff API in the OpenAPI document', () => {
  it('lists every staff and admin route with the staffSession cookie requirement', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, { type: string; in?: string }> };
    }>();
    expect(document.components.securitySchemes.staffSession).toMatchObject({ type: 'apiKey', in: 'cookie' });
    const operations = Object.entries(document.paths)
      .filter(([path]) => /^\/api\/(staff|admin)\//.test(path))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security] as const),
      );
    expect(operations.length).toBeGreaterThanOrEqual(12);
    for (const [name, security] of operations) {
      expect(security, name).toEqual(publicRoutes.includes(name) ? [] : [{ staffSession: [] }]);
    }
  });
});

describe('without a staff session', () => {
  it('refuses every protected staff and admin API route with 401 problem+json', async () => {
    expect(
      protectedRoutes
        .map((r) => `${r.method} ${r.url.replace(reference, ':reference').replace(/[0-9a-f-]{36}/, ':id')}`)
        .sort(),
    ).toEqual([
      'DELETE /api/admin/organisations/:id/single-sign-on',
      'GET /api/admin/accounts',
      'GET /api/admin/audit',
      'GET /api/admin/organisations',
      'GET /api/admin/organisations/:id',
      'GET /api/admin/organisations/:id/single-sign-on',
      'GET /api/admin/submissions/:reference/export',
      'GET /api/staff/dashboard',
      'GET /api/staff/search',
      'GET /api/staff/submissions/:reference',
      'POST /api/admin/accounts/:id',
      'POST /api/admin/organisations',
      'POST /api/admin/submissions/:reference/erase',
      'POST /api/staff/assisted',
      'POST /api/staff/assisted/end',
      'POST /api/staff/deliveries/:id/handled-offline',
      'POST /api/staff/deliveries/:id/retry',
      'POST /api/staff/search',
      'POST /api/staff/sign-out',
      'POST /api/staff/sign-out-everywhere',
      'POST /api/staff/submissions/:reference/correction',
      'POST /api/staff/submissions/:reference/notes',
      'POST /api/staff/submissions/:reference/withdrawal',
      'PUT /api/admin/organisations/:id',
      'PUT /api/admin/organisations/:id/enabled',
      'PUT /api/admin/organisations/:id/single-sign-on',
    ]);
    for (const route of protectedRoutes) {
      const response = await t.app.inject({
        method: route.method,
        url: route.url,
        ...(route.method === 'POST' || route.method === 'PUT' ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  it('refuses them with a resident journey session too: the two sessions are separate', async () => {
    const resident = new Resident(t.app);
    await resident.get('/start');
    expect(resident.cookie).toMatch(/^tuo-session=/);
    for (const route of protectedRoutes) {
      const response = await t.app.inject({
        method: route.method,
        url: route.url,
        headers: { cookie: resident.cookie, 'x-csrf-token': resident.csrf },
        ...(route.method === 'POST' || route.method === 'PUT' ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('sends console pages, and form posts, to the sign-in page', async () => {
    const pages = [
      '/staff',
      '/staff/dashboard',
      '/staff/search?name=smith',
      `/staff/submissions/${reference}`,
      '/staff/assisted',
      '/staff/audit',
    ];
    for (const url of pages) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect([response.statusCode, response.headers.location], url).toEqual([303, '/staff/sign-in']);
    }
    for (const url of [
      '/staff/assisted',
      `/staff/submissions/${reference}/notes`,
      `/staff/deliveries/${randomUUID()}/retry`,
      '/staff/sign-out',
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        payload: '_csrf=x',
      });
      expect([response.statusCode, response.headers.location], url).toEqual([303, '/staff/sign-in']);
    }
  });
});

describe('roles', () => {
  it('stops an adviser at supervisor and admin actions (403), and audits the refusal', async () => {
    const adviser = await signedIn(staff.adviser);
    for (const [method, url, body] of [
      ['POST', `/api/staff/deliveries/${randomUUID()}/retry`, undefined],
      ['POST', `/api/staff/deliveries/${randomUUID()}/handled-offline`, { note: 'Phoned them' }],
      ['GET', '/api/admin/audit', undefined],
    ] as const) {
      const response = await adviser.api(method, url, body);
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ status: 403, code: 'forbidden' });
    }
    const page = await adviser.page('/staff/audit');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('You cannot do this');
    const refused = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail', 'address'])
      .where('actor_id', '=', staff.adviser.id)
      .where('action', '=', 'staff.access-refused')
      .execute();
    expect(refused).toHaveLength(4);
    expect(refused[0]?.address).toBe('127.0.0.1');
  });

  it('lets a supervisor repair deliveries but not read the audit log; an admin does both', async () => {
    const supervisor = await signedIn(staff.supervisor);
    // Past the role check, an unknown delivery is simply not found.
    expect((await supervisor.api('POST', `/api/staff/deliveries/${randomUUID()}/retry`)).statusCode).toBe(404);
    expect((await supervisor.api('GET', '/api/admin/audit')).statusCode).toBe(403);
    const admin = await signedIn(staff.admin);
    expect((await admin.api('POST', `/api/staff/deliveries/${randomUUID()}/retry`)).statusCode).toBe(404);
    expect((await admin.api('GET', '/api/admin/audit')).statusCode).toBe(200);
    expect((await admin.page('/staff/audit')).statusCode).toBe(200);
  });

  it('applies a disabled account at once: its sessions stop working', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    const client = await signedIn(someone);
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(200);
    await t.database.db
      .updateTable('staff_users')
      .set({ disabled_at: new Date() })
      .where('id', '=', someone.id)
      .execute();
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
  });
});

describe('anti-forgery tokens', () => {
  it('refuses JSON posts without the session token, or with another session’s', async () => {
    const adviser = await signedIn(staff.adviser);
    const other = await signedIn(staff.supervisor);
    const note = { body: 'Resident called to check progress' };
    for (const csrf of [null, 'not-the-token', other.csrf]) {
      const response = await adviser.api('POST', `/api/staff/submissions/${reference}/notes`, note, { csrf });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'csrf_failed' });
    }
    expect((await adviser.api('POST', `/api/staff/submissions/${reference}/notes`, note)).statusCode).toBe(201);
  });

  it('refuses console form posts without the token, and sign-in without one', async () => {
    const adviser = await signedIn(staff.adviser);
    await adviser.page('/staff/assisted');
    const post = await adviser.form(
      '/staff/assisted',
      [
        ['mode', 'phone'],
        ['identityChecks', 'photo-id'],
        ['consentConfirmed', 'yes'],
      ],
      { csrf: null },
    );
    expect(post.statusCode).toBe(403);
    expect(post.body).toContain('This form has expired');
    const stranger = new StaffClient(t.app);
    const signIn = await stranger.api(
      'POST',
      '/api/staff/sign-in',
      { email: staff.adviser.email, password: staff.adviser.password },
      { csrf: null },
    );
    expect(signIn.statusCode).toBe(403);
    const form = await stranger.form(
      '/staff/sign-in',
      [
        ['email', staff.adviser.email],
        ['password', staff.adviser.password],
      ],
      { csrf: null },
    );
    expect(form.statusCode).toBe(403);
  });
});
