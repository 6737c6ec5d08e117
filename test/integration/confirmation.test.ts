import { exampleSubmissions, type AgencyPayloadV1 } from '@tuo/shared';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { expireUnconfirmed } from '../../server/src/jobs/expire-unconfirmed-task.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fakeNotify } from '../support/fake-notify.js';
import { outsideServices } from '../support/outside-services.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';

const died = exampleSubmissions['someone-died'];
const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };

let t: TestApp;
let worker: RunningWorker;
beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const submit = async (app: TestApp, payload: object = died, headers: Record<string, string> = {}) => {
  const res = await app.app.inject({ method: 'POST', url: '/api/submissions', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreateSubmissionResponse>();
};
const confirm = (app: TestApp, created: CreateSubmissionResponse, code: string) =>
  app.app.inject({
    method: 'POST',
    url: `/api/submissions/${created.reference}/confirmation`,
    headers: { 'tracking-secret': created.trackingSecret },
    payload: { code },
  });
const deliveriesOf = (app: TestApp, reference: string) =>
  app.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.agency', 'deliveries.status', 'deliveries.held_for'])
    .where('submissions.reference', '=', reference)
    .orderBy('deliveries.agency')
    .execute();
const outboxAndJobs = async (app: TestApp) =>
  Number(
    (
      await sql<{
        n: string;
      }>`select (select count(*) from outbox) + (select count(*) from graphile_worker.jobs where task_identifier = 'deliver_to_agency') as n`.execute(
        app.database.db,
      )
    ).rows[0]?.n,
  );
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('an anonymous online report', () => {
  it('is accepted with a reference at once, but is delivered nowhere until its code is confirmed', async () => {
    const councilKey = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues')
    ).key;
    const created = await submit(t);
    expect(created.confirmation).toMatchObject({ status: 'awaiting', codeSentTo: 'email' });
    expect(created.confirmation?.trialCode).toMatch(/^\d{6}$/);
    // Give the worker every chance to send it: nothing is queued, so nothing goes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await deliveriesOf(t, created.reference)).map((d) => [d.status, d.held_for])).toEqual(
      Array(4).fill(['held', 'confirmation']),
    );
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications',
      headers: { authorization: `Bearer ${councilKey}` },
    });
    expect(
      inbox.json<{ notifications: { reference: string }[] }>().notifications.map((n) => n.reference),
    ).not.toContain(created.reference);

    const res = await confirm(t, created, created.confirmation?.trialCode ?? '');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ confirmation: 'confirmed' });
    await waitFor(async () => {
      const rows = await deliveriesOf(t, created.reference);
      return rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
    // Each agency's payload says how far it was checked: low, by a code the reporter entered from their email.
    const notification = (
      await t.app.inject({
        method: 'GET',
        url: '/api/agency/notifications?limit=200',
        headers: { authorization: `Bearer ${councilKey}` },
      })
    )
      .json<{ notifications: { reference: string; payload: AgencyPayloadV1 }[] }>()
      .notifications.find((n) => n.reference === created.reference);
    expect(notification?.payload.verification).toMatchObject({
      level: 'low',
      channel: 'online',
      checks: [{ kind: 'contact-confirmed', by: 'email' }],
    });
    // Confirming again changes nothing and queues nothing twice.
    const jobsBefore = await outboxAndJobs(t);
    expect((await confirm(t, created, created.confirmation?.trialCode ?? '')).statusCode).toBe(200);
    expect(await outboxAndJobs(t)).toBe(jobsBefore);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'submission.confirmed')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("carries the registrar's Tell Us Once reference as a check, raising the confirmed report to medium", async () => {
    const councilKey = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues')
    ).key;
    const created = await submit(t, {
      ...died,
      answers: { ...died.answers, deathRegistered: 'yes-with-reference', tellUsOnceReference: 'TUO 4821 7730' },
    });
    expect((await confirm(t, created, created.confirmation?.trialCode ?? '')).statusCode).toBe(200);
    await waitFor(async () => {
      const rows = await deliveriesOf(t, created.reference);
      return rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
    const notification = (
      await t.app.inject({
        method: 'GET',
        url: '/api/agency/notifications?limit=200',
        headers: { authorization: `Bearer ${councilKey}` },
      })
    )
      .json<{ notifications: { reference: string; payload: AgencyPayloadV1 }[] }>()
      .notifications.find((n) => n.reference === created.reference);
    expect(notification?.payload.verification?.level).toBe('medium');
    expect(notification?.payload.verification?.checks.map((c) => [c.kind, c.by])).toEqual([
      ['registrar-reference-given', 'reporter'],
      ['contact-confirmed', 'email'],
    ]);
    expect(notification?.payload.answers).toMatchObject({ tellUsOnceReference: 'TUO 4821 7730' });
  });

  it('counts wrong codes, stops a code after 5 tries, and a new code replaces the old one', async () => {
    const created = await submit(t);
    const code = created.confirmation?.trialCode ?? '';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const res = await confirm(t, created, wrong(code));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('code');
    }
    expect((await confirm(t, created, wrong(code))).json()).toMatchObject({ code: 'new_code_needed' });
    // Even the right code no longer works once its tries are used.
    expect((await confirm(t, created, code)).json()).toMatchObject({ code: 'new_code_needed' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/submissions/${created.reference}/confirmation-code`,
      headers: { 'tracking-secret': created.trackingSecret },
    });
    expect(again.statusCode, again.body).toBe(200);
    const fresh = again.json<{ trialCode: string }>().trialCode;
    expect((await confirm(t, created, fresh)).statusCode).toBe(200);
    expect((await deliveriesOf(t, created.reference)).every((d) => d.status !== 'held')).toBe(true);
  });

  it('refuses a wrong tracking secret with the same 404 as an unknown reference', async () => {
    const created = await submit(t);
    const res = await confirm(t, { ...created, trackingSecret: 'AAAAA-AAAAA-AAAAA-AAAAA' }, '123456');
    expect(res.statusCode).toBe(404);
  });

  it('keeps codes only as keyed hashes, and a code expires after 30 minutes', async () => {
    const created = await submit(t);
    const code = created.confirmation?.trialCode ?? '';
    const rows = await t.database.db.selectFrom('confirmation_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(died.answers.email);
    await sql`update confirmation_codes set expires_at = now() - interval '1 second' from submissions
      where submissions.id = confirmation_codes.submission_id and submissions.reference = ${created.reference}`.execute(
      t.database.db,
    );
    expect((await confirm(t, created, code)).json()).toMatchObject({ code: 'new_code_needed' });
  });

  it('with neither email nor mobile (a landline only), sends no code', async () => {
    const { email: _email, ...answers } = died.answers;
    const created = await submit(t, {
      ...died,
      answers: { ...answers, contactMethods: ['phone'], phone: '+441632960001' },
    });
    expect(created.confirmation).toEqual({ status: 'awaiting', codeSentTo: null });
    expect((await deliveriesOf(t, created.reference)).every((d) => d.status === 'held')).toBe(true);
  });

  it('expires after 24 hours unconfirmed: nothing is sent and its answers are erased', async () => {
    const created = await submit(t);
    await sql`update submissions set submitted_at = now() - interval '25 hours' where reference = ${created.reference}`.execute(
      t.database.db,
    );
    expect(await expireUnconfirmed(t.database.db)).toBeGreaterThanOrEqual(1);
    const row = await t.database.db
      .selectFrom('submissions')
      .select(['confirmation', 'answers_erased_at', 'erasure_kind', 'envelope'])
      .where('reference', '=', created.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ confirmation: 'expired', erasure_kind: 'unconfirmed' });
    expect(row.answers_erased_at).not.toBeNull();
    expect(JSON.stringify(row.envelope)).not.toContain("O'Brien");
    expect((await deliveriesOf(t, created.reference)).map((d) => d.status)).toEqual(Array(4).fill('expired'));
    expect((await confirm(t, created, created.confirmation?.trialCode ?? '')).json()).toMatchObject({
      code: 'not_awaiting_confirmation',
    });
    // Staff see why the answers went, not a retention that never happened.
    const staff = new StaffClient(t.app);
    expect((await staff.signIn(await createTestStaff(t.database.db, 'adviser'))).statusCode).toBe(200);
    const shown = await staff.page(`/staff/submissions/${created.reference}`);
    expect(shown.body).toContain('as the report was never confirmed with its code. Only the skeleton is kept.');
  });
});

describe('confirmation codes are capped', () => {
  it('per recipient (a day) and per client address (an hour)', async () => {
    const capped = await createTestApp({
      env: { CONFIRMATION_CODES_PER_RECIPIENT_PER_DAY: '2', CONFIRMATION_CODES_PER_ADDRESS_PER_HOUR: '3' },
    });
    try {
      const withEmail = (email: string) => ({ ...died, answers: { ...died.answers, email } });
      await submit(capped, withEmail('one@example.org'));
      const second = await submit(capped, withEmail('one@example.org'));
      // The third code for the same email is refused, before anything is written.
      const third = await capped.app.inject({
        method: 'POST',
        url: '/api/submissions',
        payload: withEmail('one@example.org'),
      });
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ code: 'too_many_codes' });
      // So is asking for a new code for it.
      const resend = await capped.app.inject({
        method: 'POST',
        url: `/api/submissions/${second.reference}/confirmation-code`,
        headers: { 'tracking-secret': second.trackingSecret },
      });
      expect(resend.statusCode).toBe(429);
      // Another recipient from the same address: the address has had 2 of its 3.
      await submit(capped, withEmail('two@example.org'));
      const fromAddress = await capped.app.inject({
        method: 'POST',
        url: '/api/submissions',
        payload: withEmail('three@example.org'),
      });
      expect(fromAddress.statusCode).toBe(429);
      expect(
        Number(
          (await sql<{ n: string }>`select count(*) as n from submissions`.execute(capped.database.db)).rows[0]?.n,
        ),
      ).toBe(3);
    } finally {
      await capped.close();
    }
  });
});

describe('with GOV.UK Notify configured', () => {
  const notify = fakeNotify('https://notify-stub.example.org');
  outsideServices({ handlers: notify.handlers, unhandled: 'bypass' });

  it('sends the code by email through NOTIFY_BASE_URL, never shows it, and the emailed code confirms', async () => {
    const notifyEnv = {
      ...env,
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_BASE_URL: 'https://notify-stub.example.org',
      NOTIFY_EMAIL_TEMPLATE_ID: '6d4b7c7e-3d2a-4c55-9f57-3f3b0d8d7a10',
    };
    const app = await createTestApp({ env: notifyEnv });
    const appWorker = await startTestWorker(app.database, testConfig(app.database.url, notifyEnv));
    try {
      const created = await submit(app);
      expect(created.confirmation).toEqual({ status: 'awaiting', codeSentTo: 'email' });
      const sent = await waitFor(async () =>
        notify.sent.find((m) => m.personalisation.reference === created.reference),
      );
      expect(sent.to).toBe(died.answers.email);
      const code = sent.personalisation.code ?? '';
      expect(sent.personalisation.body).toContain(code);
      expect(code).toMatch(/^\d{6}$/);
      // The receipt with the tracking link waits until the report is confirmed.
      expect(notify.sent.filter((m) => m.personalisation.reference === created.reference)).toHaveLength(1);
      expect((await confirm(app, created, code)).statusCode).toBe(200);
      await waitFor(async () =>
        notify.sent.filter((m) => m.personalisation.reference === created.reference).length === 2 ? true : undefined,
      );
    } finally {
      await appWorker.stop();
      await app.close();
    }
  });
});
