import { randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendAgencyAlertTask, emailAlertCronItems } from '../../server/src/jobs/send-agency-alert-task.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fakeNotify } from '../support/fake-notify.js';
import { personalValues } from '../support/personal-values.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { confirmByCode, submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

const notify = fakeNotify();
outsideServices({ handlers: notify.handlers });
const alertTemplate = randomUUID();
const env = {
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_AGENCY_ALERT_TEMPLATE_ID: alertTemplate,
  AGENCY_GP_PRACTICE_ALERT_EMAIL: 'registrations.team@practice.example',
  OUTBOX_RELAY_INTERVAL_MS: '20',
  PUBLIC_URL: 'https://tell-us-once.council.example',
};
const helpers = { logger: { info: () => undefined, error: () => undefined } } as unknown as JobHelpers;

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

async function submitAndDeliver(count: number) {
  const before = await t.database.db
    .selectFrom('deliveries')
    .select('id')
    .where('agency', '=', 'gp-practice')
    .execute();
  for (let i = 0; i < count; i += 1) {
    const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
    expect(res.statusCode).toBe(201);
    // Notify is configured, so the code goes by email (the fake's copy), not on the page.
    const created = res.json<CreateSubmissionResponse>();
    const sent = await waitFor(async () =>
      notify.sent.find((m) => m.personalisation.reference === created.reference && m.personalisation.code),
    );
    await confirmByCode(t.app, created, sent.personalisation.code);
  }
  await waitFor(async () => {
    const rows = await t.database.db
      .selectFrom('deliveries')
      .select('status')
      .where('agency', '=', 'gp-practice')
      .execute();
    return rows.length === before.length + count && rows.every((r) => r.status === 'delivered') ? true : undefined;
  });
}

const alerts = () => notify.sent.filter((message) => message.templateId === alertTemplate);

describe('email alerts to an agency’s team mailbox', () => {
  it('are scheduled only for agencies with a mailbox, at once (every minute) or as a daily digest', () => {
    const config = testConfig('postgres://x/y', {
      ...env,
      AGENCY_COUNCIL_ALERT_EMAIL: 'ctax@council.example',
      AGENCY_COUNCIL_ALERT_FREQUENCY: 'daily',
    });
    expect(emailAlertCronItems(config.agencies).map((item) => [item.identifier, item.match])).toEqual([
      ['send_agency_alert:council', '0 8 * * *'],
      ['send_agency_alert:gp-practice', '* * * * *'],
    ]);
  });

  it('say only how many new notifications wait and link to the portal: no personal value, and each counted once', async () => {
    const task = createSendAgencyAlertTask({ db: t.database.db, config: testConfig(t.database.url, env) });
    await submitAndDeliver(2);
    await task({ agency: 'gp-practice' }, helpers);
    expect(alerts()).toHaveLength(1);
    const [first] = alerts();
    expect(first?.to).toBe('registrations.team@practice.example');
    expect(first?.personalisation).toMatchObject({
      count: '2',
      portal_link: 'https://tell-us-once.council.example/agency/notifications',
    });
    expect(first?.personalisation.subject).toBe('Tell Us Once: 2 new notifications');
    // Every personal value the resident gave (names, dates, NHS number in both forms, address, contact details).
    const text = JSON.stringify(first?.personalisation);
    const values = personalValues('someone-died', exampleSubmissions['someone-died'].answers);
    expect(values.length).toBeGreaterThan(5);
    for (const value of values) expect(text, `the alert holds "${value}"`).not.toContain(value);
    const references = await t.database.db.selectFrom('submissions').select('reference').execute();
    for (const { reference } of references) expect(text).not.toContain(reference);

    // Nothing new: no alert. One more: an alert for that one only.
    await task({ agency: 'gp-practice' }, helpers);
    expect(alerts()).toHaveLength(1);
    await submitAndDeliver(1);
    await task({ agency: 'gp-practice' }, helpers);
    expect(alerts().map((alert) => alert.personalisation.count)).toEqual(['2', '1']);
    expect(alerts()[1]?.personalisation.subject).toBe('Tell Us Once: 1 new notification');
    // An agency without a mailbox is never emailed.
    await createSendAgencyAlertTask({ db: t.database.db, config: testConfig(t.database.url, env) })(
      { agency: 'council' },
      helpers,
    );
    expect(alerts()).toHaveLength(2);
    const rows = await t.database.db
      .selectFrom('agency_alerts')
      .select(['agency', 'status', 'notifications'])
      .execute();
    expect(rows).toEqual([
      { agency: 'gp-practice', status: 'sent', notifications: 2 },
      { agency: 'gp-practice', status: 'sent', notifications: 1 },
    ]);
  });

  it('keeps an alert Notify refused on authentication as failed, and is recorded, not sent, without Notify', async () => {
    await submitAndDeliver(1);
    const wrongKey = `tell_us_once_test-${randomUUID()}-${randomUUID()}`;
    await createSendAgencyAlertTask({
      db: t.database.db,
      config: testConfig(t.database.url, { ...env, NOTIFY_API_KEY: wrongKey }),
    })({ agency: 'gp-practice' }, helpers);
    const refused = await t.database.db
      .selectFrom('agency_alerts')
      .select(['status', 'error'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(refused).toEqual({ status: 'failed', error: 'GOV.UK Notify refused the alert (403)' });
    await submitAndDeliver(1);
    const {
      NOTIFY_API_KEY: _key,
      NOTIFY_EMAIL_TEMPLATE_ID: _email,
      NOTIFY_AGENCY_ALERT_TEMPLATE_ID: _alert,
      ...withoutNotify
    } = env;
    await createSendAgencyAlertTask({ db: t.database.db, config: testConfig(t.database.url, withoutNotify) })(
      { agency: 'gp-practice' },
      helpers,
    );
    const recorded = await t.database.db
      .selectFrom('agency_alerts')
      .select(['status', 'notifications'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(recorded).toEqual({ status: 'recorded', notifications: 1 });
    expect(alerts()).toHaveLength(2);
  });
});
