import { randomUUID } from 'node:crypto';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSendSignInAlertTask } from '../../server/src/jobs/send-sign-in-alert-task.js';
import { SEND_SIGN_IN_ALERT } from '../../server/src/jobs/job-names.js';
import { createAgencyUser } from '../../server/src/agency-portal/agency-accounts.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { fakeNotify } from '../support/fake-notify.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { outsideServices } from '../support/outside-services.js';

const mockServer = outsideServices();
const notify = fakeNotify();
const alertTemplate = randomUUID();
const env = {
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_SIGN_IN_ALERT_TEMPLATE_ID: alertTemplate,
};

// Every wait sign-in asks for is recorded here instead of sat through.
const waits: number[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
});
afterEach(() => {
  waits.length = 0;
});
afterAll(async () => {
  await t.close();
});

const guess = async (
  who: string | Pick<TestStaff, 'email' | 'id' | 'secondFactor'>,
  address: string,
  password = 'wrong password',
) => {
  const client = new StaffClient(t.app, address);
  return client.signIn(typeof who === 'string' ? { email: who, password } : { ...who, password });
};
const alertJobs = (staffId: string) =>
  t.database.db
    .selectFrom('outbox')
    .select('payload')
    .where('task', '=', SEND_SIGN_IN_ALERT)
    .execute()
    .then((rows) => rows.filter((row) => (row.payload as { staffId: string }).staffId === staffId));

describe('sign-in throttling', () => {
  it('slows an account down, doubling each time, but never locks its owner out', async () => {
    const target = await createTestStaff(t.database.db, 'supervisor');
    const statuses: number[] = [];
    // Each guess from another address, as a guesser trying to lock a named adviser out would.
    for (let n = 1; n <= 7; n += 1) statuses.push((await guess(target.email, `10.3.0.${String(n)}`)).statusCode);
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    waits.length = 0;
    const owner = await guess(target, '10.3.1.1', target.password);
    expect(owner.statusCode).toBe(200);
    expect(waits).toEqual([10_000]);
    // Signing in forgives the account's failures: the next attempt waits for nothing.
    waits.length = 0;
    expect((await guess(target, '10.3.1.1', target.password)).statusCode).toBe(200);
    expect(waits).toEqual([]);
    const slowed = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'staff.sign-in.slowed')
      .execute();
    expect(slowed.length).toBeGreaterThanOrEqual(5);
  });

  it('slows parallel guesses too: each counts the ones before it', async () => {
    const target = await createTestStaff(t.database.db, 'adviser');
    await Promise.all([1, 2, 3, 4, 5].map((n) => guess(target.email, `10.4.0.${String(n)}`)));
    expect(waits.toSorted((a, b) => a - b)).toEqual([1000, 2000]);
  });

  it('slows an unknown account exactly as a real one, so it reveals nothing', async () => {
    for (let n = 1; n <= 5; n += 1)
      expect((await guess('ghost@council.example', `10.5.0.${String(n)}`)).statusCode).toBe(401);
    expect(waits).toEqual([1000, 2000]);
    expect(
      await t.database.db.selectFrom('outbox').select('id').where('task', '=', SEND_SIGN_IN_ALERT).execute(),
    ).toEqual([]);
  });

  it('slows the agency portal the same way', async () => {
    const email = `clerk.${randomUUID()}@council.example`;
    await createAgencyUser(t.database.db, {
      email,
      role: 'agency-user',
      organisation: await fallbackOrganisation(t.database.db, 'council'),
      password: 'a long enough password',
    });
    for (let n = 1; n <= 4; n += 1) {
      const client = new StaffClient(t.app, `10.6.0.${String(n)}`);
      await client.api('GET', '/api/agency-portal/session');
      expect((await client.api('POST', '/api/agency-portal/sign-in', { email, password: 'wrong' })).statusCode).toBe(
        401,
      );
    }
    expect(waits).toEqual([1000]);
  });

  it('emails the owner once when their account is being guessed at, with no detail', async () => {
    mockServer.use(...notify.handlers);
    const target = await createTestStaff(t.database.db, 'admin');
    for (let n = 1; n <= 12; n += 1) await guess(target.email, `10.7.0.${String(n)}`);
    const jobs = await alertJobs(target.id);
    expect(jobs).toHaveLength(1);
    const task = createSendSignInAlertTask({ db: t.database.db, config: testConfig(t.database.url, env) });
    await task(jobs[0]?.payload, {} as JobHelpers);
    expect(notify.sent).toEqual([{ type: 'email', templateId: alertTemplate, to: target.email, personalisation: {} }]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'account.sign-in-alert')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ account: target.id, outcome: 'sent' });
  });
});
