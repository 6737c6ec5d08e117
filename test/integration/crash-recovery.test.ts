import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exampleSubmissions } from '@tuo/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { connectToEmbedded, startPortal, waitUntilReady, type PortalProcess } from '../support/portal-process.js';
import { createTestApp } from '../support/test-app.js';
import { testProtectedDataKeys } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver, webhookEnv } from '../support/webhook-receiver.js';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { submitConfirmed } from '../support/confirm-submission.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;

// Every portal a test starts; any still running when the test ends (say, after a failure) is killed.
const started: PortalProcess[] = [];
function spawnPortal(...args: Parameters<typeof startPortal>): PortalProcess {
  const portal = startPortal(...args);
  started.push(portal);
  return portal;
}
afterEach(() => {
  for (const portal of started.splice(0)) {
    if (portal.child.exitCode === null && portal.child.signalCode === null) {
      try {
        process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});
const SUBMISSIONS = 6;
const AGENCIES = 4;

/** Every (reference, agency) pair got exactly one distinct webhook-id, and every one arrived. */
function expectExactlyOncePerAgency(
  received: { agency: string; webhookId: string; reference: string }[],
  references: string[],
  deliveries: number,
) {
  const idsPerPair = new Map<string, Set<string>>();
  for (const r of received) {
    const key = `${r.reference}/${r.agency}`;
    idsPerPair.set(key, (idsPerPair.get(key) ?? new Set()).add(r.webhookId));
  }
  expect(idsPerPair.size).toBe(deliveries);
  for (const [pair, ids] of idsPerPair) expect(ids.size, pair).toBe(1);
  expect(new Set(received.map((r) => r.reference))).toEqual(new Set(references));
}

async function killWhenDelivering(portal: PortalProcess, receiver: { inFlight: () => number }) {
  await waitFor(async () => (receiver.inFlight() > 0 ? true : undefined), 30_000, 'a delivery in flight');
  process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
  await portal.exited;
}

describe('a worker killed mid-delivery', () => {
  it('loses nothing: after a restart every delivery completes, one webhook-id per submission and agency', async () => {
    const receiver = await startWebhookReceiver({ secret, delayMs: 300 });
    const t = await createTestApp();
    const port = await findFreePort();
    const env = {
      ...webhookEnv(receiver, secret),
      DATABASE_URL: t.database.url,
      SESSION_SECRET: 'crash-test-session-secret-0123456789abcdef',
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
      PORT: String(port),
      WORKER_LEASE_SECONDS: '2',
      OUTBOX_RELAY_INTERVAL_MS: '50',
      WORKER_CONCURRENCY: '2',
    };
    try {
      const references: string[] = [];
      for (let i = 0; i < SUBMISSIONS; i += 1) {
        const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
        references.push(res.json<{ reference: string }>().reference);
      }
      const first = spawnPortal(env, 'server/src/worker.ts', true);
      await killWhenDelivering(first, receiver);
      const second = spawnPortal(env, 'server/src/worker.ts', true);
      const delivered = await waitFor(
        async () => {
          const rows = await t.database.db.selectFrom('deliveries').select('status').execute();
          return rows.length === SUBMISSIONS * AGENCIES && rows.every((r) => r.status === 'delivered')
            ? rows
            : undefined;
        },
        60_000,
        'every delivery to complete',
      );
      expect(delivered).toHaveLength(SUBMISSIONS * AGENCIES);
      expectExactlyOncePerAgency(receiver.received, references, SUBMISSIONS * AGENCIES);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await t.close();
      await receiver.close();
    }
  }, 120_000);
});

describe('the one-process portal killed mid-delivery', () => {
  it('completes every delivery exactly once per agency after starting again on the same data', async () => {
    const receiver = await startWebhookReceiver({ secret, delayMs: 300 });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-crash-'));
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...webhookEnv(receiver, secret),
      DATA_DIR: dataDir,
      PORT: String(port),
      WORKER_LEASE_SECONDS: '2',
      WORKER_CONCURRENCY: '2',
      // Every report here has the same email address.
      CONFIRMATION_CODES_PER_RECIPIENT_PER_DAY: '100',
    };
    try {
      const first = spawnPortal(env);
      await waitUntilReady(baseUrl, first);
      const references: string[] = [];
      for (let i = 0; i < SUBMISSIONS; i += 1) {
        const res = await fetch(`${baseUrl}/api/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(exampleSubmissions['moving-home']),
        });
        expect(res.status).toBe(201);
        const created = (await res.json()) as CreateSubmissionResponse;
        // The one-process portal with no Notify key is a trial install: it gives the code back to confirm with.
        const confirmed = await fetch(`${baseUrl}/api/submissions/${created.reference}/confirmation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'tracking-secret': created.trackingSecret },
          body: JSON.stringify({ code: created.confirmation?.trialCode }),
        });
        expect(confirmed.status).toBe(200);
        references.push(created.reference);
      }
      await killWhenDelivering(first, receiver);
      const second = spawnPortal(env);
      await waitUntilReady(baseUrl, second);
      const client = await connectToEmbedded(dataDir);
      try {
        const expected = Number((await client.query<{ n: string }>('select count(*) as n from deliveries')).rows[0]?.n);
        await waitFor(
          async () => {
            const rows = await client.query<{ n: string }>(
              `select count(*) as n from deliveries where status = 'delivered'`,
            );
            return Number(rows.rows[0]?.n) === expected ? true : undefined;
          },
          60_000,
          'every delivery to complete',
        );
        expectExactlyOncePerAgency(receiver.received, references, expected);
      } finally {
        await client.end();
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
