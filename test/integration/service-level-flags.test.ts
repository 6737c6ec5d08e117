import { agencyKinds } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { createDeliveryWork } from '../../server/src/deliveries/delivery-work.js';
import { organisationWebhooksFrom } from '../../server/src/deliveries/organisation-adapter.js';
import { databaseSigningSecrets, rotateWebhookSecret } from '../../server/src/agency/webhook-secrets.js';
import { createSendMissedTargetEventTask } from '../../server/src/jobs/send-missed-target-event-task.js';
import { createTaskList } from '../../server/src/jobs/task-list.js';
import { startWorker, type RunningWorker } from '../../server/src/queue/worker-runner.js';
import { flagMissedTargets } from '../../server/src/service-levels/flag-missed-targets.js';
import { FLAG_MISSED_TARGETS } from '../../server/src/service-levels/service-level-jobs.js';
import { englandAndWales } from '../../server/src/service-levels/working-days.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';

const secret = `whsec_${Buffer.from('service-level-test-secret-0123456789').toString('base64')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
let env: Record<string, string>;
// Delivered on Maundy Thursday 2026: two working days run to Wednesday 8 April (Easter in between).
const clock = testClock('2026-04-08T12:00:00Z');

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  env = {
    AGENCY_COUNCIL_WEBHOOK_URL: receiver.url('council'),
    AGENCY_COUNCIL_WEBHOOK_SECRET: secret,
    OUTBOX_RELAY_INTERVAL_MS: '20',
  };
  t = await createTestApp({ env, now: clock.now });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const config = () => testConfig(t.database.url, env);
const deps = () => ({
  db: t.database.db,
  serviceLevels: config().serviceLevels,
  calendar: englandAndWales,
  now: clock.now,
  webhookAgencies: new Set(['council' as const]),
});
const events = (deliveryIds: string[]) =>
  t.database.db
    .selectFrom('delivery_events')
    .select(['delivery_id', 'detail'])
    .where('status', '=', 'target-missed')
    .where('delivery_id', 'in', deliveryIds)
    .execute();
const audits = (submissionId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select('detail')
    .where('action', '=', 'notification.target-missed')
    .where('submission_id', '=', submissionId)
    .execute();

async function startWorkerWithClock(): Promise<RunningWorker> {
  const c = config();
  return startWorker({
    pool: t.database.pool,
    db: t.database.db,
    logger: pino({ level: 'warn' }),
    taskList: createTaskList({ db: t.database.db, config: c, now: clock.now }),
    deliveries: createDeliveryWork({
      db: t.database.db,
      adapters: createAdapterRegistry(c),
      config: c,
      logger: pino({ level: 'warn' }),
    }),
    ...c.worker,
  });
}

describe('flagging notifications past their targets', () => {
  it('flags each notification once, even with many runs at once, and never one already acknowledged', async () => {
    const { id } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z', {
      'gp-practice': { acknowledgedAt: '2026-04-07T09:00:00Z' },
    });
    const deliveries = await t.database.db
      .selectFrom('deliveries')
      .select(['id', 'agency'])
      .where('submission_id', '=', id)
      .execute();
    const ids = deliveries.map((d) => d.id);

    clock.set('2026-04-08T22:59:00Z'); // still Wednesday 8 April in London
    expect((await flagMissedTargets(deps())).acknowledge).toEqual([]);

    clock.set('2026-04-09T08:00:00Z');
    const runs = await Promise.all(Array.from({ length: 6 }, () => flagMissedTargets(deps())));
    const flagged = runs.flatMap((run) => run.acknowledge).sort();
    const unacknowledged = deliveries
      .filter((d) => d.agency !== 'gp-practice')
      .map((d) => d.id)
      .sort();
    expect(flagged).toEqual(unacknowledged);
    expect((await events(ids)).map((e) => e.delivery_id).sort()).toEqual(unacknowledged);
    expect(await audits(id)).toHaveLength(unacknowledged.length);
    // The agency that takes webhooks gets one event queued; inbox agencies see the flag in their inbox.
    const queued = await t.database.db
      .selectFrom('outbox')
      .select(['task', 'payload', 'job_key'])
      .where('task', '=', 'send_missed_target_event')
      .execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toMatchObject({
      deliveryId: deliveries.find((d) => d.agency === 'council')?.id,
      target: 'acknowledge',
    });

    // Once flagged, later runs find nothing more to do until the action target passes.
    expect(await flagMissedTargets(deps())).toEqual({ acknowledge: [], action: [] });
  });

  it('with two workers running the task at once, flags the action target once and tells the webhook agency once', async () => {
    const { id, reference } = await submit(t.app, t.database.db, 'baby-born');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z');
    const ids = (
      await t.database.db.selectFrom('deliveries').select('id').where('submission_id', '=', id).execute()
    ).map((d) => d.id);
    // Ten working days from 2 April 2026: 7, 8, 9, 10, 13, 14, 15, 16, 17, 20 April.
    clock.set('2026-04-21T07:00:00Z');
    const [first, second] = [await startWorkerWithClock(), await startWorkerWithClock()];
    try {
      await t.database.pool.query(`select graphile_worker.add_job($1) from generate_series(1, 6)`, [
        FLAG_MISSED_TARGETS,
      ]);
      await waitFor(
        async () => {
          const left = await t.database.pool.query<{ n: string }>(
            `select count(*) as n from graphile_worker.jobs where task_identifier in ($1, 'send_missed_target_event')`,
            [FLAG_MISSED_TARGETS],
          );
          return left.rows[0]?.n === '0' ? true : undefined;
        },
        30_000,
        'the flag jobs and events to finish',
      );
      await waitFor(
        async () => (receiver.received.filter((r) => r.reference === reference).length >= 2 ? true : undefined),
        10_000,
        'the webhook events',
      );
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    const flaggedEvents = await events(ids);
    // Both targets were missed by then: one event each per notification, never two.
    expect(flaggedEvents).toHaveLength(ids.length * 2);
    const rows = await t.database.db
      .selectFrom('deliveries')
      .select(['acknowledge_flagged_at', 'action_flagged_at'])
      .where('submission_id', '=', id)
      .execute();
    expect(rows.every((r) => r.acknowledge_flagged_at !== null && r.action_flagged_at !== null)).toBe(true);
    const told = receiver.received.filter((r) => r.reference === reference);
    expect(told.map((r) => r.webhookId).sort()).toEqual([
      expect.stringMatching(/^msg_target_acknowledge_/),
      expect.stringMatching(/^msg_target_action_/),
    ]);
    expect(told.every((r) => r.agency === 'council')).toBe(true);
  });

  it('shows the flag in the agency inbox, on the staff dashboard and on the submission view', async () => {
    const { key } = await createApiKey(
      t.database.db,
      await fallbackOrganisation(t.database.db, 'housing-provider'),
      'Lettings system',
    );
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=200',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(page.statusCode).toBe(200);
    const notifications = page.json<{ notifications: { missedTargets: string[] }[] }>().notifications;
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.missedTargets.includes('acknowledge'))).toBe(true);

    const staff = new StaffClient(t.app);
    expect((await staff.signIn(await createTestStaff(t.database.db, 'adviser'))).statusCode).toBe(200);
    const dashboard = (await staff.api('GET', '/api/staff/dashboard')).json<{
      missedTargets: { acknowledge: number; action: number };
    }>();
    // By 21 April both submissions missed the action target everywhere; the first was acknowledged by the NHS.
    expect(dashboard.missedTargets).toEqual({ acknowledge: 3 + agencyKinds.length, action: 2 * agencyKinds.length });
    const reference = (
      await t.database.db
        .selectFrom('submissions')
        .select('reference')
        .where('life_event', '=', 'baby-born')
        .executeTakeFirstOrThrow()
    ).reference;
    const view = await staff.page(`/staff/submissions/${reference}`);
    expect(view.body).toContain('Missed its target to: acknowledge, action.');
    expect(view.body).toContain('Missed its target to be acknowledged');
  });
});

// Last in the file: it rotates the council's webhook secret for good.
describe('the missed-target webhook event after a rotation', () => {
  it('is signed by the rotated secret once the old one has retired, like every other webhook', async () => {
    const c = config();
    const rotated = await rotateWebhookSecret(
      t.database.db,
      c.sessionSecret,
      await fallbackOrganisation(t.database.db, 'council'),
      secret,
      0,
    );
    const newReceiver = await startWebhookReceiver({ secret: rotated.secret });
    try {
      const { id, reference } = await submit(t.app, t.database.db, 'moving-home');
      await deliver(t.database.db, id, '2026-04-02T10:00:00Z');
      const council = await t.database.db
        .selectFrom('deliveries')
        .select('id')
        .where('submission_id', '=', id)
        .where('agency', '=', 'council')
        .executeTakeFirstOrThrow();
      const pointed = testConfig(t.database.url, { ...env, AGENCY_COUNCIL_WEBHOOK_URL: newReceiver.url('council') });
      const task = createSendMissedTargetEventTask({
        db: t.database.db,
        serviceLevels: pointed.serviceLevels,
        calendar: englandAndWales,
        adapters: createAdapterRegistry(pointed, databaseSigningSecrets(t.database.db, c.sessionSecret)),
        webhooks: organisationWebhooksFrom(t.database.db, pointed),
      });
      const helpers = { logger: { info: () => undefined, warn: () => undefined } } as unknown as JobHelpers;
      await task({ deliveryId: council.id, target: 'acknowledge' }, helpers);
      // The receiver records only what verifies against the new secret.
      expect(newReceiver.received.filter((r) => r.reference === reference)).toHaveLength(1);
    } finally {
      await newReceiver.close();
    }
  });
});
