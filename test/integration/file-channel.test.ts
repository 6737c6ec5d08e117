import { exampleSubmissions } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { councilFileColumns } from '../../server/src/adapters/council/council-file-columns.js';
import { createSendAgencyFileTask, SEND_AGENCY_FILE } from '../../server/src/jobs/send-agency-file-task.js';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { killGroup, startPortal, type PortalProcess } from '../support/portal-process.js';
import { startSftpServer, type SftpServer } from '../support/sftp-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedDataKeys, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { uploadedRecords } from '../support/uploaded-files.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let sftp: SftpServer;
beforeAll(async () => {
  sftp = await startSftpServer();
});
afterAll(async () => {
  await sftp.stop();
});

// Every worker process a test starts; any still running when the test ends is killed.
const started: PortalProcess[] = [];
afterEach(() => {
  for (const worker of started.splice(0)) killGroup(worker);
});

async function submit(t: TestApp, count: number): Promise<string[]> {
  const references: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
    expect(res.statusCode).toBe(201);
    references.push(res.json<{ reference: string }>().reference);
  }
  return references;
}

const councilDeliveries = (t: TestApp) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['id', 'status', 'transport', 'file_run_id', 'last_error'])
    .where('agency', '=', 'council')
    .orderBy('created_at')
    .execute();

/** The notification ids in each data file uploaded for one kind, checked against its manifest. */
const uploadedFor = async (agency: string) =>
  (await uploadedRecords(sftp, (name) => name.includes(`_${agency}_`))).records;

describe('the scheduled file channel over SFTP (a real OpenSSH server)', () => {
  it('delivers each record exactly once when the worker is killed mid-run and restarted', async () => {
    const env = { ...sftp.env('COUNCIL', 'csv'), OUTBOX_RELAY_INTERVAL_MS: '50' };
    const t = await createTestApp({ env });
    const workerEnv = {
      ...env,
      DATABASE_URL: t.database.url,
      SESSION_SECRET: 'file-test-session-secret-0123456789abcdef',
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
      PORT: String(await findFreePort()),
      WORKER_LEASE_SECONDS: '2',
      DELIVERY_TIMEOUT_MS: '20000',
    };
    const spawnWorker = () => {
      const worker = startPortal(workerEnv, 'server/src/worker.ts', true);
      started.push(worker);
      return worker;
    };
    try {
      await submit(t, 4);
      const first = spawnWorker();
      // The council's notifications wait for its file; the other agencies' are in their inboxes.
      await waitFor(async () => {
        const rows = await councilDeliveries(t);
        return rows.length === 4 && rows.every((r) => r.status === 'queued' && r.transport === 'file')
          ? rows
          : undefined;
      }, 60_000);
      // Hold the SFTP server, start a run, and kill the worker once its records are claimed.
      sftp.pause();
      await sql`select graphile_worker.add_job(${SEND_AGENCY_FILE}, json_build_object('agency', 'council'), queue_name => ${`${SEND_AGENCY_FILE}:council`})`.execute(
        t.database.db,
      );
      await waitFor(async () => {
        const run = await t.database.db.selectFrom('file_runs').selectAll().executeTakeFirst();
        return run?.status === 'claimed' ? run : undefined;
      }, 30_000);
      killGroup(first);
      await first.exited;
      sftp.resume();
      expect(await sftp.files()).toEqual([]);
      // More arrive while no worker runs; the restarted worker resumes the run, then sends these.
      await submit(t, 2);
      const second = spawnWorker();
      const delivered = await waitFor(async () => {
        const rows = await councilDeliveries(t);
        return rows.length === 6 && rows.every((r) => r.status === 'delivered') ? rows : undefined;
      }, 60_000);
      second.child.kill('SIGTERM');
      await second.exited;

      const files = await uploadedFor('council');
      const runs = await t.database.db.selectFrom('file_runs').selectAll().orderBy('id').execute();
      expect(runs.map((run) => [run.status, run.record_count])).toEqual([
        ['uploaded', 4],
        ['uploaded', 2],
      ]);
      expect([...files.keys()]).toEqual(runs.map((run) => run.file_name));
      expect(files.get(runs[0]?.file_name ?? '')).toEqual(delivered.slice(0, 4).map((d) => d.id));
      const everyRecord = [...files.values()].flat();
      expect(everyRecord.sort()).toEqual(delivered.map((d) => d.id).sort());
      // Recorded like any delivery attempt: the hold, then the run that delivered it.
      const attempts = await t.database.db
        .selectFrom('delivery_attempts')
        .select(['delivery_id', 'outcome'])
        .where(
          'delivery_id',
          'in',
          delivered.map((d) => d.id),
        )
        .orderBy('attempt')
        .execute();
      for (const { id } of delivered)
        expect(attempts.filter((a) => a.delivery_id === id).map((a) => a.outcome)).toEqual(['held', 'delivered']);
      // The council's column labels, and the records' own routed answers.
      const csv = (await sftp.read(runs[0]?.file_name ?? '')).toString('utf8');
      expect(csv.split('\r\n')[0]).toContain(`"${councilFileColumns.lifeEvent}"`);
    } finally {
      await t.close();
    }
  }, 180_000);

  it('makes the XML form of the same records, keeps a failed upload on the run, and resumes it with the same file', async () => {
    const env = { ...sftp.env('HOUSING_PROVIDER', 'xml'), OUTBOX_RELAY_INTERVAL_MS: '20' };
    const t = await createTestApp({ env });
    const worker = await startTestWorker(t.database, testConfig(t.database.url, env));
    const helpers = { logger: { info: () => undefined, error: () => undefined } } as unknown as JobHelpers;
    const task = (overrides: Record<string, string> = {}) => {
      const config = testConfig(t.database.url, { ...env, ...overrides });
      return createSendAgencyFileTask({
        db: t.database.db,
        adapters: createAdapterRegistry(config),
        privacy: testProtectedValues(),
        config,
        timeoutMs: 5000,
      });
    };
    try {
      await submit(t, 2);
      const held = await waitFor(async () => {
        const rows = await t.database.db
          .selectFrom('deliveries')
          .select(['id', 'status', 'transport'])
          .where('agency', '=', 'housing-provider')
          .execute();
        return rows.length === 2 && rows.every((r) => r.status === 'queued' && r.transport === 'file')
          ? rows
          : undefined;
      });
      // A server whose host key is not the configured one is never trusted: the run waits, and says why.
      const impostor = `SHA256:${Buffer.alloc(32, 1).toString('base64').replace(/=+$/, '')}`;
      await expect(
        task({ AGENCY_HOUSING_PROVIDER_FILE_SFTP_HOST_KEY: impostor })({ agency: 'housing-provider' }, helpers),
      ).rejects.toThrow(/Could not upload/);
      const waiting = await t.database.db
        .selectFrom('file_runs')
        .selectAll()
        .where('agency', '=', 'housing-provider')
        .execute();
      expect(waiting).toEqual([expect.objectContaining({ status: 'claimed', record_count: 2, attempts: 1 })]);
      expect(waiting[0]?.last_error).toMatch(/Could not upload to 127\.0\.0\.1/);
      const stillSending = await t.database.db
        .selectFrom('deliveries')
        .select(['status', 'last_error'])
        .where('agency', '=', 'housing-provider')
        .execute();
      expect(stillSending.every((d) => d.status === 'sending' && (d.last_error ?? '').includes('will try again'))).toBe(
        true,
      );
      expect((await sftp.files()).filter((name) => name.includes('_housing-provider_'))).toEqual([]);

      await task()({ agency: 'housing-provider' }, helpers);
      // Nothing new waits, so running again sends nothing.
      await task()({ agency: 'housing-provider' }, helpers);
      const files = await uploadedFor('housing-provider');
      expect([...files.keys()]).toEqual([waiting[0]?.file_name]);
      expect([...files.values()].flat().sort()).toEqual(held.map((d) => d.id).sort());
      const xml = (await sftp.read(waiting[0]?.file_name ?? '')).toString('utf8');
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<notifications xmlns="urn:tell-us-once:notifications:1"/,
      );
      expect(xml).toContain('agency="housing-provider"');
      const delivered = await t.database.db
        .selectFrom('deliveries')
        .select(['status', 'last_error', 'inbox_xid'])
        .where('agency', '=', 'housing-provider')
        .execute();
      expect(delivered.every((d) => d.status === 'delivered' && d.last_error === null && d.inbox_xid !== null)).toBe(
        true,
      );
    } finally {
      await worker.stop();
      await t.close();
    }
  }, 60_000);
});
