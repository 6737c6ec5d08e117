import { randomBytes } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { eventMessageIdFor } from '../../server/src/jobs/send-notification-event-task.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { flagMissedTargets } from '../../server/src/service-levels/flag-missed-targets.js';
import { englandAndWales } from '../../server/src/service-levels/working-days.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// Events about a notification (withdrawn, corrected) go where the notification went: to the
// organisation's own webhook, signed with its own secret, never to another organisation of the
// kind or to the kind's configured webhook. So does a missed-target event.

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const kindSecret = newSecret();
const secrets = { north: newSecret(), south: newSecret() };
let kindReceiver: Receiver;
let receivers: Record<'north' | 'south', Receiver>;
let t: TestApp;
let worker: RunningWorker;
let supervisor: StaffClient;
let env: Record<string, string>;
/** The deliveries each practice with a webhook of its own had, for the missed-target events. */
const told: Partial<Record<'north' | 'south', { reference: string; deliveryId: string }>> = {};
const practices: Partial<Record<'north' | 'south' | 'inbox', AdminOrganisation>> = {};

beforeAll(async () => {
  kindReceiver = await startWebhookReceiver({ secret: kindSecret });
  receivers = {
    north: await startWebhookReceiver({ secret: secrets.north }),
    south: await startWebhookReceiver({ secret: secrets.south }),
  };
  // The kind's own webhook (its fallback practice's) is set too: nothing here may reach it.
  env = {
    OUTBOX_RELAY_INTERVAL_MS: '20',
    DELIVERY_RETRY_BASE_MS: '40',
    DELIVERY_RETRY_MAX_MS: '200',
    AGENCY_GP_PRACTICE_WEBHOOK_URL: kindReceiver.url('gp-practice'),
    AGENCY_GP_PRACTICE_WEBHOOK_SECRET: kindSecret,
  };
  t = await createTestApp({ env });
  const admin = new StaffClient(t.app);
  expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
  const add = async (name: string, code: string, settings: Record<string, unknown>) => {
    const response = await admin.api('POST', '/api/admin/organisations', { kind: 'gp-practice', name, code, settings });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<AdminOrganisation>();
  };
  for (const [which, code] of [
    ['north', 'Y94001'],
    ['south', 'Y94002'],
  ] as const)
    practices[which] = await add(`${which} Road Surgery`, code, {
      webhook: { url: receivers[which].url('gp-practice'), secret: secrets[which] },
    });
  practices.inbox = await add('Inbox Lane Surgery', 'Y94003', { primaryChannel: 'pull-api' });
  supervisor = new StaffClient(t.app);
  expect((await supervisor.signIn(await createTestStaff(t.database.db, 'supervisor'))).statusCode).toBe(200);
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await Promise.all([kindReceiver, ...Object.values(receivers)].map((r) => r.close()));
});

/** A death reported with this practice as the GP's, once its practice has the notification. */
async function reportTo(practice: AdminOrganisation | undefined) {
  const example = exampleSubmissions['someone-died'];
  const res = await submitConfirmed(t.app, {
    ...example,
    answers: { ...example.answers, gpPractice: practice?.id ?? '' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>();
  const delivery = await waitFor(
    () =>
      t.database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .select(['deliveries.id', 'deliveries.organisation_id', 'deliveries.transport'])
        .where('submissions.reference', '=', reference)
        .where('deliveries.agency', '=', 'gp-practice')
        .where('deliveries.status', '=', 'delivered')
        .executeTakeFirst(),
    10_000,
    'the practice to have the notification',
  );
  expect(delivery.organisation_id).toBe(practice?.id);
  return { reference, trackingSecret, deliveryId: delivery.id, transport: delivery.transport };
}

/** The resident withdraws the report. */
async function withdraw(report: { reference: string; trackingSecret: string }) {
  const withdrawn = await t.app.inject({
    method: 'POST',
    url: `/api/submissions/${report.reference}/withdrawal`,
    headers: { 'tracking-secret': report.trackingSecret },
    payload: { reason: 'I reported the wrong person' },
  });
  expect(withdrawn.statusCode, withdrawn.body).toBe(200);
}

const eventsOf = (deliveryId: string) =>
  waitFor(
    async () => {
      const rows = await t.database.db
        .selectFrom('notification_events')
        .select(['id', 'kind', 'status'])
        .where('delivery_id', '=', deliveryId)
        .execute();
      return rows.length > 0 && rows.every((r) => r.status !== 'queued' && r.status !== 'sending') ? rows : undefined;
    },
    10_000,
    'the events to be settled',
  );

const to = (receiver: Receiver, reference: string) => receiver.received.filter((r) => r.reference === reference);

describe('events about a notification told to an organisation’s own webhook', () => {
  it('a withdrawal and a correction reach only the owning practice, signed with its own secret', async () => {
    const north = await reportTo(practices.north);
    const south = await reportTo(practices.south);
    expect([north.transport, south.transport]).toEqual(['webhook', 'webhook']);
    Object.assign(told, { north, south });

    await withdraw(north);
    const corrected = await supervisor.api('POST', `/api/staff/submissions/${south.reference}/correction`, {
      answers: { nhsNumber: '4010232137' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);

    const [northEvent] = await eventsOf(north.deliveryId);
    const [southEvent] = await eventsOf(south.deliveryId);
    expect(northEvent).toMatchObject({ kind: 'withdrawn', status: 'delivered' });
    expect(southEvent).toMatchObject({ kind: 'corrected', status: 'delivered' });
    // Give a stray copy the time it would need to arrive anywhere else.
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Each receiver verified the signature with its own practice's secret (it answers 401 otherwise).
    const [created, withdrawal, ...more] = to(receivers.north, north.reference);
    expect(more).toEqual([]);
    expect(created?.type).toBe('gp-practice.notification.created');
    expect(withdrawal).toMatchObject({
      type: 'gp-practice.notification.withdrawn',
      webhookId: eventMessageIdFor(northEvent?.id ?? ''),
      data: { id: north.deliveryId, reference: north.reference, withdrawnBy: 'resident' },
    });
    expect(withdrawal?.webhookId).not.toBe(created?.webhookId);
    const [southCreated, correction, ...southMore] = to(receivers.south, south.reference);
    expect(southMore).toEqual([]);
    expect(correction).toMatchObject({
      type: 'gp-practice.notification.corrected',
      webhookId: eventMessageIdFor(southEvent?.id ?? ''),
      data: { id: south.deliveryId, reference: south.reference, answers: { nhsNumber: '4010232137' } },
    });
    expect(correction?.webhookId).not.toBe(southCreated?.webhookId);

    // Never the other practice's, never the kind's webhook, and nothing signed with a wrong secret.
    expect(to(receivers.south, north.reference)).toEqual([]);
    expect(to(receivers.north, south.reference)).toEqual([]);
    expect(kindReceiver.received).toEqual([]);
    expect([kindReceiver, receivers.north, receivers.south].map((r) => r.rejected())).toEqual([0, 0, 0]);
  }, 60_000);

  it('a missed target is told to the owning practice’s webhook only, signed with its own secret', async () => {
    const { north, south } = told;
    if (!north || !south) throw new Error('runs after the first test, with its two deliveries');
    const later = new Date(Date.now() + 60 * 24 * 60 * 60 * 1000);
    const flagged = await flagMissedTargets({
      db: t.database.db,
      serviceLevels: testConfig(t.database.url, env).serviceLevels,
      calendar: englandAndWales,
      now: () => later,
      webhookAgencies: new Set(['gp-practice']),
    });
    expect(flagged.acknowledge).toEqual(expect.arrayContaining([north.deliveryId, south.deliveryId]));
    const missed = (receiver: Receiver, reference: string) =>
      to(receiver, reference).filter((r) => r.type === 'gp-practice.notification.target_missed');
    for (const [which, delivery] of [
      ['north', north],
      ['south', south],
    ] as const) {
      const events = await waitFor(
        () => {
          const found = missed(receivers[which], delivery.reference);
          return Promise.resolve(found.length >= 2 ? found : undefined);
        },
        10_000,
        `the ${which} practice's missed-target events`,
      );
      expect(events.map((e) => e.data).sort((a, b) => String(a.target).localeCompare(String(b.target)))).toEqual([
        expect.objectContaining({ id: delivery.deliveryId, target: 'acknowledge' }),
        expect.objectContaining({ id: delivery.deliveryId, target: 'action' }),
      ]);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(missed(receivers.south, north.reference)).toEqual([]);
    expect(missed(receivers.north, south.reference)).toEqual([]);
    expect(kindReceiver.received).toEqual([]);
    expect([kindReceiver, receivers.north, receivers.south].map((r) => r.rejected())).toEqual([0, 0, 0]);
  }, 60_000);

  it('for a practice told through its inbox, queues no event and pushes nothing anywhere: its inbox shows the withdrawal', async () => {
    const inbox = await reportTo(practices.inbox);
    expect(inbox.transport).toBe('inbox');
    await withdraw(inbox);
    // Nothing to push: no event is queued for it, and its inbox marks the notification withdrawn.
    const events = await t.database.db
      .selectFrom('notification_events')
      .select('id')
      .where('delivery_id', '=', inbox.deliveryId)
      .execute();
    expect(events).toEqual([]);
    const { key } = await createApiKey(t.database.db, { id: practices.inbox?.id ?? '', kind: 'gp-practice' }, 'GP');
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=200',
      headers: { authorization: `Bearer ${key}` },
    });
    const listed = page.json<{ notifications: { reference: string; withdrawn: unknown }[] }>().notifications;
    expect(listed.map((n) => n.reference)).toEqual([inbox.reference]);
    expect(listed[0]?.withdrawn).toMatchObject({ by: 'resident' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const receiver of [kindReceiver, receivers.north, receivers.south])
      expect(to(receiver, inbox.reference)).toEqual([]);
  }, 60_000);
});
