import { exampleSubmissions } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry, type AdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import type { DeliveryOutcome } from '../../server/src/adapters/agency-adapter.js';
import { organisationSigningSecrets } from '../../server/src/agency/webhook-secrets.js';
import { createAttempt } from '../../server/src/deliveries/attempt-delivery.js';
import { claimDeliveries } from '../../server/src/deliveries/claim-deliveries.js';
import { recordOutcomes } from '../../server/src/deliveries/record-outcomes.js';
import { createDeliverToAgencyTask } from '../../server/src/jobs/deliver-to-agency-task.js';
import { deliverNow } from '../support/deliver-now.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const policy = { maxAttempts: 5, retryBaseMs: 1000, retryMaxMs: 60_000 };
const config = {
  delivery: { ...testConfig('postgres://unused').delivery, ...policy },
  sessionSecret: testConfig('postgres://unused').sessionSecret,
};

/** Adapters whose council delivery answers when the test says so. */
function controlledAdapters(answer: () => Promise<DeliveryOutcome>): AdapterRegistry {
  const real = createAdapterRegistry(testConfig(t.database.url));
  return { ...real, council: { ...real.council, deliver: answer } };
}

const attemptWith = (adapters: AdapterRegistry) => {
  const { sessionSecret } = config;
  return createAttempt({
    adapters,
    privacy: testProtectedValues(),
    policy,
    logger: { error: () => undefined },
    webhooks: {
      sealingSecret: sessionSecret,
      timeoutMs: config.delivery.timeoutMs,
      signingSecrets: organisationSigningSecrets(t.database.db, sessionSecret),
    },
  });
};

async function councilDelivery() {
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  const { reference } = res.json<{ reference: string }>();
  return t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select('deliveries.id')
    .where('submissions.reference', '=', reference)
    .where('deliveries.agency', '=', 'council')
    .executeTakeFirstOrThrow();
}

const claimCouncil = (dispatcherId: string) =>
  claimDeliveries(t.database.db, {
    dispatcherId,
    leaseSeconds: 30,
    limits: { kinds: ['council'], room: 10, perOrganisation: 10, constrained: new Map() },
  });

const row = (id: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['status', 'attempts', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('claiming and recording delivery attempts', () => {
  it('lets a stale attempt (its worker taken for dead) write nothing over the newer result', async () => {
    const { id } = await councilDelivery();
    await t.database.db.updateTable('deliveries').set({ due_at: new Date() }).where('id', '=', id).execute();
    const [stale] = await claimCouncil('stale-dispatcher');
    expect(stale).toMatchObject({ id, attempt: 1 });
    let releaseStale: (outcome: DeliveryOutcome) => void = () => undefined;
    const staleRun = attemptWith(controlledAdapters(() => new Promise((resolve) => (releaseStale = resolve))))(
      stale ?? expect.fail('not claimed'),
    );
    // Its dispatcher holds no lease, and the claim's time runs out: another dispatcher takes it over.
    await t.database.db.updateTable('deliveries').set({ due_at: new Date() }).where('id', '=', id).execute();
    const [fresh] = await claimCouncil('fresh-dispatcher');
    expect(fresh).toMatchObject({ id, attempt: 1 });
    expect(fresh?.claim).not.toBe(stale?.claim);
    const freshRecord = await attemptWith(
      controlledAdapters(() => Promise.resolve({ kind: 'delivered', statusCode: 204 })),
    )(fresh ?? expect.fail('not claimed'));
    expect(await recordOutcomes(t.database.db, [freshRecord])).toEqual(new Set([id]));
    releaseStale({ kind: 'retry', statusCode: 503, error: 'The agency answered 503' });
    expect(await recordOutcomes(t.database.db, [await staleRun])).toEqual(new Set());
    expect(await row(id)).toEqual({ status: 'delivered', attempts: 1, last_error: null });
    const attempts = await t.database.db
      .selectFrom('delivery_attempts')
      .select('outcome')
      .where('delivery_id', '=', id)
      .execute();
    expect(attempts.map((a) => a.outcome)).toEqual(['delivered']);
  });

  it('never takes over an attempt whose dispatcher is still heartbeating', async () => {
    const { id } = await councilDelivery();
    await t.database.db.updateTable('deliveries').set({ due_at: new Date() }).where('id', '=', id).execute();
    await t.database.db
      .insertInto('worker_leases')
      .values({ worker_id: 'live-dispatcher', process_id: 'test', heartbeat_at: new Date() })
      .execute();
    expect((await claimCouncil('live-dispatcher')).map((c) => c.id)).toEqual([id]);
    await t.database.db.updateTable('deliveries').set({ due_at: new Date() }).where('id', '=', id).execute();
    expect(await claimCouncil('other-dispatcher')).toEqual([]);
    // Leave nothing due for the next tests.
    await t.database.db.updateTable('deliveries').set({ due_at: null }).where('id', '=', id).execute();
    await t.database.db.deleteFrom('worker_leases').where('worker_id', '=', 'live-dispatcher').execute();
  });

  it('schedules a retry as the next attempt, due after its backoff', async () => {
    const { id } = await councilDelivery();
    const before = Date.now();
    await deliverNow(
      t.database.db,
      { deliveryId: id, attempt: 1 },
      controlledAdapters(() => Promise.resolve({ kind: 'retry', statusCode: 503, error: 'The agency answered 503' })),
      config,
    );
    const after = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'attempts', 'due_at', 'next_attempt_at', 'claimed_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'queued', attempts: 1, claimed_by: null });
    expect(after.due_at?.getTime()).toBe(after.next_attempt_at?.getTime());
    expect(after.due_at?.getTime()).toBeGreaterThan(before + 500);
    // Not due yet: nothing to claim.
    expect(await claimCouncil('any-dispatcher')).toEqual([]);
    await t.database.db.updateTable('deliveries').set({ due_at: null }).where('id', '=', id).execute();
  });

  it('fails, visibly, a delivery whose payload cannot be prepared, instead of leaving it sending', async () => {
    const { id } = await councilDelivery();
    const real = createAdapterRegistry(testConfig(t.database.url));
    const broken: AdapterRegistry = {
      ...real,
      council: {
        ...real.council,
        toPayload: () => ({
          reference: 'TUO-XXXX-XXXX',
          lifeEvent: 'someone-died',
          submittedAt: 'not a date',
          channel: 'online',
          answers: { notRouted: 'x' },
        }),
      },
    };
    expect(await deliverNow(t.database.db, { deliveryId: id, attempt: 1 }, broken, config)).toBe(true);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      last_error: 'The notification could not be prepared for this agency',
    });
  });

  it('makes nothing due for an attempt that is no longer the next one (a job queued by older code)', async () => {
    const { id } = await councilDelivery();
    const helpers = {} as JobHelpers;
    await createDeliverToAgencyTask({ db: t.database.db })({ deliveryId: id, attempt: 3 }, helpers);
    expect(await claimCouncil('any-dispatcher')).toEqual([]);
    // The right one is due at once, and claimed once.
    await createDeliverToAgencyTask({ db: t.database.db })({ deliveryId: id, attempt: 1 }, helpers);
    expect((await claimCouncil('any-dispatcher')).map((c) => c.id)).toEqual([id]);
    expect(await claimCouncil('any-dispatcher')).toEqual([]);
  });
});
