import { randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULE_ORGANISATION_CHANNELS } from '../../server/src/jobs/organisation-channel-schedule-task.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { confirmByCode, submitConfirmed } from '../support/confirm-submission.js';
import { fakeNotify } from '../support/fake-notify.js';
import { personalValues } from '../support/personal-values.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { outsideServices } from '../support/outside-services.js';

// Each GP practice's email alert goes to its own team mailbox, at once or as a daily digest, through
// a fake GOV.UK Notify that keeps Notify's rules. The real worker runs the minutely scheduling task
// and the alert tasks it queues; the test queues each minute's tick as graphile-worker's cron would
// (the test worker has no crontab of its own, so no other minute runs).

const notify = fakeNotify();
outsideServices({ handlers: notify.handlers });
const alertTemplate = randomUUID();
const env = {
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_AGENCY_ALERT_TEMPLATE_ID: alertTemplate,
  OUTBOX_RELAY_INTERVAL_MS: '20',
};
// The worker's link to the portal; the app under inject() stays on its default address, where the
// admin signs in (an https PUBLIC_URL would refuse a plain-http sign-in's origin).
const publicUrl = 'https://tell-us-once.council.example';

let t: TestApp;
let worker: RunningWorker;
let admin: StaffClient;
beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, { ...env, PUBLIC_URL: publicUrl }));
  admin = new StaffClient(t.app);
  expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const practice = async (name: string, code: string, alert?: { email: string; frequency: 'immediate' | 'daily' }) => {
  const response = await admin.api('POST', '/api/admin/organisations', {
    kind: 'gp-practice',
    name,
    code,
    settings: alert ? { alert } : {},
  });
  expect(response.statusCode).toBe(201);
  return response.json<AdminOrganisation>();
};

/** A death reported and confirmed by the code Notify carried, naming the practice; its reference. */
async function report(gpPractice: string): Promise<string> {
  const response = await submitConfirmed(t.app, {
    ...exampleSubmissions['someone-died'],
    answers: { ...exampleSubmissions['someone-died'].answers, gpPractice },
  });
  expect(response.statusCode).toBe(201);
  const created = response.json<CreateSubmissionResponse>();
  const sent = await waitFor(async () =>
    notify.sent.find((m) => m.personalisation.reference === created.reference && m.personalisation.code),
  );
  await confirmByCode(t.app, created, sent.personalisation.code);
  return created.reference;
}

const delivered = (organisationId: string, count: number) =>
  waitFor(async () => {
    const rows = await t.database.db
      .selectFrom('deliveries')
      .select('status')
      .where('organisation_id', '=', organisationId)
      .execute();
    return rows.length === count && rows.every((row) => row.status === 'delivered') ? true : undefined;
  });

const alerts = () => notify.sent.filter((message) => message.templateId === alertTemplate);

/** Runs the scheduling task for one minute, and waits until every job it queued is done. */
async function tick(ts: string): Promise<void> {
  await sql`select graphile_worker.add_job(${SCHEDULE_ORGANISATION_CHANNELS}, json_build_object('_cron', json_build_object('ts', ${ts}::text)))`.execute(
    t.database.db,
  );
  await waitFor(async () => {
    const { rows } = await sql<{ waiting: string }>`select count(*)::text as waiting from graphile_worker.jobs`.execute(
      t.database.db,
    );
    return rows[0]?.waiting === '0' ? true : undefined;
  });
}

describe('email alerts per organisation', () => {
  it('go to each practice’s own mailbox, at once or daily, with counts and a portal link and no personal value', async () => {
    const prompt = await practice('Prompt Street Surgery', 'Y95001', {
      email: 'prompt.registrations@nhs.example',
      frequency: 'immediate',
    });
    const daily = await practice('Daily Green Practice', 'Y95002', {
      email: 'daily.registrations@nhs.example',
      frequency: 'daily',
    });
    const quiet = await practice('Quiet Lane Surgery', 'Y95003');
    const references = [await report(prompt.id), await report(prompt.id), await report(daily.id)];
    references.push(await report(quiet.id));
    await delivered(prompt.id, 2);
    await delivered(daily.id, 1);
    await delivered(quiet.id, 1);

    // 10:17 UTC: only the practice alerted at once is told, of its own two.
    await tick('2026-03-10T10:17:00.000Z');
    expect(alerts().map((alert) => [alert.to, alert.personalisation.count])).toEqual([
      ['prompt.registrations@nhs.example', '2'],
    ]);
    // 08:00 UTC the next day: the daily digest of the other practice's one; nothing new for the first.
    await tick('2026-03-11T08:00:00.000Z');
    expect(alerts().map((alert) => [alert.to, alert.personalisation.count])).toEqual([
      ['prompt.registrations@nhs.example', '2'],
      ['daily.registrations@nhs.example', '1'],
    ]);
    for (const alert of alerts()) {
      expect(alert.personalisation.portal_link).toBe(`${publicUrl}/agency/notifications`);
      expect(alert.personalisation.body).toContain(`${publicUrl}/agency/notifications`);
      const text = JSON.stringify(alert.personalisation);
      const values = personalValues('someone-died', exampleSubmissions['someone-died'].answers);
      expect(values.length).toBeGreaterThan(5);
      for (const value of values) expect(text, `the alert holds "${value}"`).not.toContain(value);
      for (const reference of references) expect(text).not.toContain(reference);
    }

    // A new one for each: at once for the first practice (any minute), the daily one waits for 08:00.
    await report(prompt.id);
    await report(daily.id);
    await delivered(prompt.id, 3);
    await delivered(daily.id, 2);
    await tick('2026-03-11T12:00:00.000Z');
    expect(alerts().map((alert) => [alert.to, alert.personalisation.count])).toEqual([
      ['prompt.registrations@nhs.example', '2'],
      ['daily.registrations@nhs.example', '1'],
      ['prompt.registrations@nhs.example', '1'],
    ]);
    await tick('2026-03-12T08:00:00.000Z');
    expect(
      alerts()
        .slice(3)
        .map((alert) => [alert.to, alert.personalisation.count]),
    ).toEqual([['daily.registrations@nhs.example', '1']]);
    // Recorded per organisation; the practice without a mailbox has none.
    const rows = await t.database.db
      .selectFrom('agency_alerts')
      .select(['organisation_id', 'status', 'notifications'])
      .orderBy('created_at')
      .execute();
    expect(rows).toEqual([
      { organisation_id: prompt.id, status: 'sent', notifications: 2 },
      { organisation_id: daily.id, status: 'sent', notifications: 1 },
      { organisation_id: prompt.id, status: 'sent', notifications: 1 },
      { organisation_id: daily.id, status: 'sent', notifications: 1 },
    ]);
  }, 120_000);
});
