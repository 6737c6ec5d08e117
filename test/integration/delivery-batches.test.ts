import { randomBytes } from 'node:crypto';
import { agencyKinds, exampleSubmissions } from '@tuo/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEnvName } from '../../server/src/channels/agency-env-names.js';
import { claimDeliveries } from '../../server/src/deliveries/claim-deliveries.js';
import { relayOutboxOnce } from '../../server/src/queue/outbox-relay.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver, webhookEnv } from '../support/webhook-receiver.js';

const SUBMISSIONS = 10;
// Long enough that, on a loaded 2-core CI machine, every other agency is told well inside one council timeout.
const TIMEOUT_MS = 8000;

// Real receivers on loopback, signed alike: every other agency's answers at once; the council's
// holds each request far longer than the sender waits.
const secret = `whsec_${randomBytes(32).toString('base64')}`;
let prompt: Awaited<ReturnType<typeof startWebhookReceiver>>;
let silent: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  prompt = await startWebhookReceiver({ secret });
  silent = await startWebhookReceiver({ secret, delayMs: 10 * 60_000 });
});
afterAll(async () => {
  await Promise.all([prompt.close(), silent.close()]);
});

describe('delivering in batches', () => {
  it('records each outcome on its own when one agency times out, and delays no other agency', async () => {
    const others = agencyKinds.filter((kind) => kind !== 'council');
    const env: Record<string, string> = {
      ...webhookEnv(prompt, secret),
      [agencyEnvName('council', 'WEBHOOK_URL')]: silent.url('council'),
      DELIVERY_TIMEOUT_MS: String(TIMEOUT_MS),
      DELIVERY_ORGANISATION_CONCURRENCY: '3',
      DELIVERY_CIRCUIT_FAILURES: '3',
      DELIVERY_CIRCUIT_OPEN_MS: '60000',
      // Retries wait longer than the test: every council attempt counted below is a first one.
      DELIVERY_RETRY_BASE_MS: '600000',
      OUTBOX_RELAY_INTERVAL_MS: '20',
    };
    const t: TestApp = await createTestApp({ env });
    const db = t.database.db;
    const worker = await startTestWorker(t.database, testConfig(t.database.url, env));
    try {
      const responses = await Promise.all(
        Array.from({ length: SUBMISSIONS }, () => submitConfirmed(t.app, exampleSubmissions['someone-died'])),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: SUBMISSIONS }, () => 201));
      const otherDeliveries = () =>
        db
          .selectFrom('deliveries')
          .select(['id', 'agency', 'status', 'attempts', 'inbox_xid', 'delivered_at'])
          .where('agency', '<>', 'council')
          .execute();
      const delivered = await waitFor(
        async () => {
          const rows = await otherDeliveries();
          return rows.length === SUBMISSIONS * others.length && rows.every((r) => r.status === 'delivered')
            ? rows
            : undefined;
        },
        TIMEOUT_MS * 2,
        'every other agency to have its notifications',
      );
      expect(delivered.every((r) => r.attempts === 1)).toBe(true);
      // Each agency got each report once, under its delivery's own webhook-id.
      for (const agency of others) {
        const got = prompt.received.filter((r) => r.agency === agency);
        expect(got).toHaveLength(SUBMISSIONS);
        expect(new Set(got.map((r) => r.webhookId)).size).toBe(SUBMISSIONS);
      }
      // Each outcome its own: one attempt row per delivery, though many were written by one statement.
      const otherAttempts = await db
        .selectFrom('delivery_attempts')
        .select(['delivery_id', 'outcome'])
        .where(
          'delivery_id',
          'in',
          delivered.map((r) => r.id),
        )
        .execute();
      expect(otherAttempts.map((a) => a.delivery_id).sort()).toEqual(delivered.map((r) => r.id).sort());
      expect(otherAttempts.every((a) => a.outcome === 'delivered')).toBe(true);
      // Outcomes were written many to a statement (a delivered row carries its transaction's id).
      expect(new Set(delivered.map((r) => r.inbox_xid)).size).toBeLessThan(delivered.length);
      // Claims, too: several deliveries were marked sending by one statement (one transaction time).
      const claims = await sql<{ n: number }>`
        select count(*)::int as n from delivery_events where status = 'sending' group by at order by n desc limit 1
      `.execute(db);
      expect(claims.rows[0]?.n).toBeGreaterThan(1);

      // The council held only its own three slots. Each timeout freed a slot for one more attempt until
      // the third failure in a row opened its circuit; so between three attempts (all three timed out
      // together) and five (one more as each of the first two timed out) were spent on it, never more.
      // Its other deliveries wait, queued, untouched.
      const council = await waitFor(
        async () => {
          const rows = await db
            .selectFrom('deliveries')
            .select(['id', 'status', 'attempts', 'last_error'])
            .where('agency', '=', 'council')
            .execute();
          const settled = rows.every((r) => r.status === 'queued');
          return settled && rows.filter((r) => r.attempts === 1).length >= 3 ? rows : undefined;
        },
        TIMEOUT_MS * 8,
        'the council attempts to time out',
      );
      const councilAttempts = council.filter((r) => r.attempts === 1).length;
      expect(councilAttempts).toBeGreaterThanOrEqual(3);
      expect(councilAttempts).toBeLessThanOrEqual(5);
      expect(council.every((r) => r.attempts <= 1)).toBe(true);
      // The council's receiver holds every attempt made, unanswered; none reached the others' receiver.
      expect(silent.inFlight()).toBe(councilAttempts);
      expect(prompt.received.filter((r) => r.agency === 'council')).toHaveLength(0);
      const tried = council.filter((r) => r.attempts === 1);
      expect(tried.every((r) => r.last_error === 'The agency did not answer in time')).toBe(true);
      expect(council.filter((r) => r.attempts === 0).every((r) => r.status === 'queued')).toBe(true);
      const attempts = await db
        .selectFrom('delivery_attempts')
        .select(['delivery_id', 'outcome', 'error', 'started_at', 'duration_ms'])
        .where(
          'delivery_id',
          'in',
          tried.map((r) => r.id),
        )
        .execute();
      // Every other agency was told before the council's first attempt had even timed out.
      const firstTimeout = Math.min(...attempts.map((a) => a.started_at.getTime() + a.duration_ms));
      expect(Math.max(...delivered.map((r) => r.delivered_at?.getTime() ?? Infinity))).toBeLessThan(firstTimeout);
      expect(attempts.map((a) => a.outcome)).toEqual(Array.from({ length: councilAttempts }, () => 'retry'));
      expect(new Set(attempts.map((a) => a.delivery_id)).size).toBe(councilAttempts);
    } finally {
      await worker.stop();
      await t.close();
    }
  }, 120_000);

  it("claims a report's deliveries with one envelope between them, so it is read and opened once", async () => {
    const t: TestApp = await createTestApp();
    try {
      const response = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
      expect(response.statusCode).toBe(201);
      // Confirmed by its code, its deliveries go through the outbox: the relay makes them due.
      await relayOutboxOnce(t.database.db);
      const claimed = await claimDeliveries(t.database.db, {
        dispatcherId: 'test-dispatcher',
        leaseSeconds: 30,
        limits: { kinds: agencyKinds, room: 10, perOrganisation: 10, constrained: new Map() },
      });
      expect(claimed.map((row) => row.agency).sort()).toEqual([...agencyKinds].sort());
      // One object, whole, for all four: the envelope as stored.
      const [first, ...rest] = claimed;
      expect(rest.every((row) => row.envelope === first?.envelope)).toBe(true);
      expect(first?.envelope).toMatchObject({
        lifeEvent: 'someone-died',
        reference: response.json<{ reference: string }>().reference,
      });
    } finally {
      await t.close();
    }
  });
});
