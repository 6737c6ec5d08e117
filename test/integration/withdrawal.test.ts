import { randomBytes } from 'node:crypto';
import { exampleSubmissions, getJourney, routedFields, type AgencyKind } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { confirmByCode, submitConfirmed } from '../support/confirm-submission.js';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
let worker: RunningWorker | undefined;
let env: Record<string, string>;
let gpKey: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  // The council and Jobcentre Plus take webhooks; the GP practice and the landlord read their inboxes.
  env = {
    OUTBOX_RELAY_INTERVAL_MS: '20',
    DELIVERY_RETRY_BASE_MS: '40',
    DELIVERY_RETRY_MAX_MS: '200',
    AGENCY_COUNCIL_WEBHOOK_URL: receiver.url('council'),
    AGENCY_COUNCIL_WEBHOOK_SECRET: secret,
    AGENCY_JOBCENTRE_WEBHOOK_URL: receiver.url('jobcentre'),
    AGENCY_JOBCENTRE_WEBHOOK_SECRET: secret,
  };
  t = await createTestApp({ env });
  gpKey = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP records'))
    .key;
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await receiver.close();
});

const startWorker = async () => {
  worker ??= await startTestWorker(t.database, testConfig(t.database.url, env));
};

async function submit() {
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ reference: string; trackingSecret: string }>();
}

const deliveries = (reference: string) =>
  t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.id', 'deliveries.agency', 'deliveries.status'])
    .where('submissions.reference', '=', reference)
    .orderBy('deliveries.agency')
    .execute();

const withdraw = (reference: string, trackingSecret: string, reason = 'I reported the wrong person') =>
  t.app.inject({
    method: 'POST',
    url: `/api/submissions/${reference}/withdrawal`,
    headers: { 'tracking-secret': trackingSecret },
    payload: { reason },
  });

const eventsFor = (reference: string) =>
  receiver.received.filter((r) => r.reference === reference && r.type.endsWith('.notification.withdrawn'));

describe('withdrawing a report already delivered', () => {
  let reference: string;
  let trackingSecret: string;

  beforeAll(async () => {
    await startWorker();
    ({ reference, trackingSecret } = await submit());
    await waitFor(async () => {
      const rows = await deliveries(reference);
      return rows.length === 4 && rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
  });

  it('sends every webhook agency one signed withdrawn event naming the notification, however often it is asked', async () => {
    expect((await withdraw(reference, 'wrong-secret-0123456789abcdef')).statusCode).toBe(404);
    const first = await withdraw(reference, trackingSecret);
    expect(first.statusCode, first.body).toBe(200);
    const { withdrawnAt } = first.json<{ withdrawnAt: string }>();
    const again = await withdraw(reference, trackingSecret, 'Asking twice');
    expect(again.json<{ withdrawnAt: string }>().withdrawnAt).toBe(withdrawnAt);

    const rows = await deliveries(reference);
    const events = await waitFor(
      () => {
        const found = eventsFor(reference);
        return Promise.resolve(found.length >= 2 ? found : undefined);
      },
      10_000,
      'withdrawn events',
    );
    // Give a duplicate the time it would need to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventsFor(reference)).toHaveLength(2);
    expect(events.map((e) => e.agency).sort()).toEqual(['council', 'jobcentre']);
    for (const event of events) {
      const delivery = rows.find((d) => d.agency === event.agency);
      // The receiver verified the Standard Webhooks signature (it answers 401 otherwise).
      expect(event.type).toBe(`${event.agency}.notification.withdrawn`);
      expect(event.data).toMatchObject({ id: delivery?.id, reference, withdrawnBy: 'resident', withdrawnAt });
      expect(event.data).not.toHaveProperty('reason');
      const created = receiver.received.find((r) => r.agency === event.agency && r.type.endsWith('.created'));
      expect(event.webhookId).not.toBe(created?.webhookId);
    }
    // Delivered notifications are not cancelled: the agencies have them, and now know to disregard them.
    expect(rows.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
  });

  it('shows "Withdrawn: do not act" in the inbox API and the agency portal', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=200',
      headers: { authorization: `Bearer ${gpKey}` },
    });
    const notification = page
      .json<{ notifications: { id: string; reference: string; withdrawn: unknown }[] }>()
      .notifications.find((n) => n.reference === reference);
    expect(notification?.withdrawn).toMatchObject({ by: 'resident', at: expect.any(String) as string });

    const client = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'gp-practice'));
    expect((await client.page('/agency/notifications')).body).toContain('Withdrawn: do not act');
    const shown = await client.page(`/agency/notifications/${notification?.id ?? ''}`);
    expect(shown.body).toContain('Withdrawn: do not act');
    expect(shown.body).toContain('The resident withdrew this report');
  });

  it('shows on the status API, and to staff with the reason, and is in the audit log', async () => {
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(status.json()).toMatchObject({ withdrawn: { by: 'resident' } });
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const staff = new StaffClient(t.app);
    await staff.signIn(adviser);
    const view = (await staff.api('GET', `/api/staff/submissions/${reference}`)).json<{ withdrawn: unknown }>();
    expect(view.withdrawn).toMatchObject({ by: 'resident', reason: 'I reported the wrong person' });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .innerJoin('submissions', 'submissions.id', 'audit_events.submission_id')
      .select(['audit_events.action', 'audit_events.detail'])
      .where('submissions.reference', '=', reference)
      .where('audit_events.action', '=', 'submission.withdrawn')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('wrong person');
  });
});

describe('withdrawing a report not yet sent', () => {
  it('withdrawn before its code is entered, it is never released: the code afterwards sends nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: exampleSubmissions['someone-died'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<CreateSubmissionResponse>();
    expect((await deliveries(created.reference)).every((d) => d.status === 'held')).toBe(true);
    expect((await withdraw(created.reference, created.trackingSecret)).statusCode).toBe(200);
    expect((await deliveries(created.reference)).every((d) => d.status === 'cancelled')).toBe(true);
    await confirmByCode(t.app, created).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await deliveries(created.reference)).every((d) => d.status === 'cancelled')).toBe(true);
    expect(receiver.received.filter((r) => r.reference === created.reference)).toEqual([]);
  });

  it('cancels every delivery, so nothing is ever sent, and tells nobody', async () => {
    await worker?.stop();
    worker = undefined;
    const { reference, trackingSecret } = await submit();
    expect((await withdraw(reference, trackingSecret)).statusCode).toBe(200);
    expect((await deliveries(reference)).map((d) => d.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    await startWorker();
    // Let the relay move the (now stale) jobs and the worker run them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.filter((r) => r.reference === reference)).toEqual([]);
    expect((await deliveries(reference)).every((d) => d.status === 'cancelled')).toBe(true);
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(status.json<{ agencies: { status: string }[] }>().agencies.map((a) => a.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});

describe('a supervisor withdrawing a report', () => {
  it('withdraws it for the customer centre (advisers may not), and the webhook agencies are told once', async () => {
    await startWorker();
    const { reference } = await submit();
    await waitFor(async () => {
      const rows = await deliveries(reference);
      return rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
    const adviser = new StaffClient(t.app);
    await adviser.signIn(await createTestStaff(t.database.db, 'adviser'));
    const refused = await adviser.api('POST', `/api/staff/submissions/${reference}/withdrawal`, { reason: 'Test' });
    expect(refused.statusCode).toBe(403);

    const supervisor = new StaffClient(t.app);
    await supervisor.signIn(await createTestStaff(t.database.db, 'supervisor'));
    const done = await supervisor.api('POST', `/api/staff/submissions/${reference}/withdrawal`, {
      reason: 'The family phoned: a duplicate made by a neighbour',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ withdrawn: { by: 'staff' } });
    const events = await waitFor(() => {
      const found = eventsFor(reference);
      return Promise.resolve(found.length >= 2 ? found : undefined);
    });
    expect(events.map((e) => e.data.withdrawnBy)).toEqual(['staff', 'staff']);
  });
});

describe('a supervisor correcting a report after sending', () => {
  it('sends each webhook agency whose own routed fields changed just those fields, and the inbox shows the new values', async () => {
    await startWorker();
    const { reference } = await submit();
    const rows = await waitFor(async () => {
      const found = await deliveries(reference);
      return found.length === 4 && found.every((d) => d.status === 'delivered') ? found : undefined;
    });
    const supervisor = new StaffClient(t.app);
    await supervisor.signIn(await createTestStaff(t.database.db, 'supervisor'));
    const corrected = (type: string) => receiver.received.filter((r) => r.reference === reference && r.type === type);

    const journey = getJourney('someone-died');
    const corrections = [{ nhsNumber: '4010232137' }, { dateOfDeath: '2025-01-15', maritalStatus: 'married' }];
    for (const answers of corrections) {
      const res = await supervisor.api('POST', `/api/staff/submissions/${reference}/correction`, { answers });
      expect(res.statusCode, res.body).toBe(200);
    }
    // What each agency should hear: per correction, the changed fields its routing rule gives it, if any.
    const expected = (agency: AgencyKind) =>
      corrections
        .map((changes) =>
          Object.fromEntries(Object.entries(changes).filter(([name]) => routedFields(journey, agency).includes(name))),
        )
        .filter((changed) => Object.keys(changed).length > 0);
    const total = expected('council').length + expected('jobcentre').length;
    expect(total).toBeGreaterThan(0);
    await waitFor(() =>
      Promise.resolve(
        corrected('council.notification.corrected').length + corrected('jobcentre.notification.corrected').length >=
          total || undefined,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const agency of ['council', 'jobcentre'] as const) {
      const events = corrected(`${agency}.notification.corrected`);
      expect(events.map((e) => e.data.answers)).toEqual(expected(agency));
      for (const event of events)
        expect(event.data).toMatchObject({
          id: rows.find((d) => d.agency === agency)?.id,
          reference,
          lifeEvent: 'someone-died',
          correctedAt: expect.any(String) as string,
        });
    }
    // The GP practice reads its inbox: the notification there carries the new values.
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=200',
      headers: { authorization: `Bearer ${gpKey}` },
    });
    const gp = inbox
      .json<{ notifications: { reference: string; payload: { answers: Record<string, unknown> } }[] }>()
      .notifications.find((n) => n.reference === reference);
    expect(gp?.payload.answers).toMatchObject({ nhsNumber: '4010232137', dateOfDeath: '2025-01-15' });

    const invalid = await supervisor.api('POST', `/api/staff/submissions/${reference}/correction`, {
      answers: { dateOfDeath: '1900-01-01' },
    });
    expect(invalid.statusCode).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .innerJoin('submissions', 'submissions.id', 'audit_events.submission_id')
      .select('audit_events.detail')
      .where('submissions.reference', '=', reference)
      .where('audit_events.action', '=', 'submission.corrected')
      .execute();
    expect(audit.map((a) => (a.detail as { fields: string[] }).fields)).toEqual([
      ['nhsNumber'],
      ['dateOfDeath', 'maritalStatus'],
    ]);
  });
});
