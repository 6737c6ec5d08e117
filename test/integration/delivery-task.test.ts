import { exampleSubmissions } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry, type AdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import type { DeliveryOutcome } from '../../server/src/adapters/agency-adapter.js';
import { createDeliverToAgencyTask } from '../../server/src/jobs/deliver-to-agency-task.js';
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

const helpers = { logger: { info: () => undefined, error: () => undefined } } as unknown as JobHelpers;
const policy = { maxAttempts: 5, retryBaseMs: 1000, retryMaxMs: 60_000 };

/** Adapters whose council delivery answers when the test says so. */
function controlledAdapters(answer: () => Promise<DeliveryOutcome>): AdapterRegistry {
  const real = createAdapterRegistry(testConfig(t.database.url));
  return { ...real, council: { ...real.council, deliver: answer } };
}

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

describe('deliver_to_agency', () => {
  it('lets a stale run of an attempt (its worker taken for dead) write nothing over the newer result', async () => {
    const { id } = await councilDelivery();
    let releaseStale: (outcome: DeliveryOutcome) => void = () => undefined;
    const stale = createDeliverToAgencyTask({
      db: t.database.db,
      adapters: controlledAdapters(() => new Promise((resolve) => (releaseStale = resolve))),
      privacy: testProtectedValues(),
      policy,
    });
    const fresh = createDeliverToAgencyTask({
      db: t.database.db,
      adapters: controlledAdapters(() => Promise.resolve({ kind: 'delivered', statusCode: 204 })),
      privacy: testProtectedValues(),
      policy,
    });
    const staleRun = stale({ deliveryId: id, attempt: 1 }, helpers);
    // The stale run has claimed attempt 1 and is waiting on the agency; its lease lapses and the
    // job is run again elsewhere, which delivers.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fresh({ deliveryId: id, attempt: 1 }, helpers);
    releaseStale({ kind: 'retry', statusCode: 503, error: 'The agency answered 503' });
    await staleRun;
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'attempts', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'delivered', attempts: 1, last_error: null });
    const attempts = await t.database.db
      .selectFrom('delivery_attempts')
      .select('outcome')
      .where('delivery_id', '=', id)
      .execute();
    expect(attempts.map((a) => a.outcome)).toEqual(['delivered']);
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
    await createDeliverToAgencyTask({ db: t.database.db, adapters: broken, privacy: testProtectedValues(), policy })(
      { deliveryId: id, attempt: 1 },
      helpers,
    );
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: 'The notification could not be prepared for this agency' });
  });

  it('does nothing for a job whose attempt is no longer due', async () => {
    const { id } = await councilDelivery();
    let called = false;
    const task = createDeliverToAgencyTask({
      db: t.database.db,
      adapters: controlledAdapters(() => {
        called = true;
        return Promise.resolve({ kind: 'delivered' });
      }),
      privacy: testProtectedValues(),
      policy,
    });
    await task({ deliveryId: id, attempt: 3 }, helpers);
    expect(called).toBe(false);
  });
});
