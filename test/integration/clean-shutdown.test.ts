import { randomBytes, randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { startNpmStart, waitUntilReady, type PortalProcess } from '../support/portal-process.js';
import { testProtectedDataKeys } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startNotifyStub } from '../support/notify-stub-server.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver, webhookEnv } from '../support/webhook-receiver.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

// A terminal's Ctrl-C or a supervisor's SIGTERM goes to the whole process group of `npm start`:
// npm, tsx and the app each get it, and npm and tsx relay it again. That is one request to stop.
describe('npm start, signalled as a group while agencies are slow to answer', () => {
  let database: TestDatabase;
  let portal: PortalProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (portal?.child.exitCode === null) process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
    await database.drop();
  });

  it('finishes the deliveries in flight, records them, and stops cleanly', async () => {
    const receiver = await startWebhookReceiver({ secret, delayMs: 3_000 });
    const notify = await startNotifyStub();
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    try {
      portal = startNpmStart({
        ...webhookEnv(receiver, secret),
        DATABASE_URL: database.url,
        SESSION_SECRET: 'shutdown-test-session-secret-0123456789abcdef',
        PROTECTED_DATA_KEYS: testProtectedDataKeys,
        PORT: String(port),
        OUTBOX_RELAY_INTERVAL_MS: '50',
        WORKER_CONCURRENCY: '8',
        // The reporter's confirmation code goes by email, to a Notify-compatible stub on loopback.
        NOTIFY_API_KEY: `shutdown-${randomUUID()}-${randomUUID()}`,
        NOTIFY_BASE_URL: notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
      });
      await waitUntilReady(baseUrl, portal);
      const response = await fetch(`${baseUrl}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exampleSubmissions['someone-died']),
      });
      expect(response.status).toBe(201);
      const { reference, trackingSecret } = (await response.json()) as { reference: string; trackingSecret: string };
      const code = await waitFor(
        () =>
          Promise.resolve(notify.received.find((m) => m.personalisation.reference === reference)?.personalisation.code),
        30_000,
        'the confirmation code by email',
      );
      const confirmed = await fetch(`${baseUrl}/api/submissions/${reference}/confirmation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'tracking-secret': trackingSecret },
        body: JSON.stringify({ code }),
      });
      expect(confirmed.status).toBe(200);
      const expected = await database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .where('submissions.reference', '=', reference)
        .select('deliveries.agency')
        .execute();
      expect(expected.length).toBeGreaterThan(1);
      await waitFor(
        () => Promise.resolve(receiver.inFlight() === expected.length ? true : undefined),
        30_000,
        'every delivery in flight',
      );

      process.kill(-(portal.child.pid ?? 0), 'SIGTERM');
      await waitFor(
        () => Promise.resolve(portal?.output().includes('Stopped.') ? true : undefined),
        30_000,
        'the portal to stop',
      );
      // npm waits for the app, then ends itself by the signal it was sent (so its code is null).
      await portal.exited;
      expect(portal.child.exitCode ?? portal.child.signalCode).toBeOneOf([0, 'SIGTERM']);
      const output = portal.output();
      expect(output).toContain('Stopping (SIGTERM): finishing requests and jobs in flight…');
      expect(output).not.toContain('stopping at once');
      expect(output).not.toMatch(/second SIGTERM/);

      // Every webhook that was being answered was answered and taken as delivered, not cut.
      expect(receiver.received.filter((r) => r.reference === reference)).toHaveLength(expected.length);
      const statuses = await database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .where('submissions.reference', '=', reference)
        .select(['deliveries.status', 'deliveries.attempts'])
        .execute();
      expect(statuses.map((row) => row.status)).toEqual(expected.map(() => 'delivered'));
    } finally {
      await receiver.close();
      await notify.close();
    }
  }, 120_000);
});
