import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostKeyFingerprint } from '../../server/src/channels/file/sftp-upload.js';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { SCHEDULE_ORGANISATION_CHANNELS } from '../../server/src/jobs/organisation-channel-schedule-task.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { killGroup, startPortal, type PortalProcess } from '../support/portal-process.js';
import { startSftpServer, type SftpServer } from '../support/sftp-server.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testProtectedDataKeys, testSessionSecret } from '../support/test-config.js';
import { uploadedRecords } from '../support/uploaded-files.js';
import { waitFor } from '../support/wait-for.js';

// Two GP practices, each told by a scheduled file of its own: its own SFTP folder, the key pair the
// portal made for it (its public key authorised as its IT would), its own schedule. The worker is
// a real process, killed with its process group while both runs hang on the SFTP server.

let sftp: SftpServer;
let t: TestApp;
beforeAll(async () => {
  [sftp, t] = await Promise.all([startSftpServer(), createTestApp({ env: { OUTBOX_RELAY_INTERVAL_MS: '50' } })]);
});
afterAll(async () => {
  await Promise.all([sftp.stop(), t.close()]);
});

const started: PortalProcess[] = [];
afterEach(() => {
  for (const worker of started.splice(0)) killGroup(worker);
});

// 29 February at 18:30 UTC: a minute the worker's own minutely tick never reaches while the test
// runs, so runs start only when the test queues that minute's tick, as graphile-worker's cron would.
const schedule = '30 18 29 2 *';
const tick = (ts: string) =>
  sql`select graphile_worker.add_job(${SCHEDULE_ORGANISATION_CHANNELS}, json_build_object('_cron', json_build_object('ts', ${ts}::text)))`.execute(
    t.database.db,
  );

const report = async (gpPractice: string) => {
  const response = await submitConfirmed(t.app, {
    ...exampleSubmissions['someone-died'],
    answers: { ...exampleSubmissions['someone-died'].answers, gpPractice },
  });
  expect(response.statusCode).toBe(201);
};

const toOrganisation = (id: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['id', 'status', 'transport', 'file_run_id'])
    .where('organisation_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

const runsOf = (id: string) =>
  t.database.db
    .selectFrom('file_runs')
    .select(['status', 'record_count', 'file_name'])
    .where('organisation_id', '=', id)
    .orderBy('id')
    .execute();

/** `SHA256:…` of an `ssh-ed25519 AAAA… comment` line, as sshd logs the key that signed in. */
const fingerprintOf = (publicKey: string) => hostKeyFingerprint(Buffer.from(publicKey.split(' ')[1] ?? '', 'base64'));

describe('scheduled files per organisation, over a real OpenSSH SFTP server', () => {
  it('sends each practice only its own records, each exactly once, when the worker is killed mid-run and restarted', async () => {
    const admin = new StaffClient(t.app);
    expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
    const practice = async (name: string, code: string) => {
      const folder = await sftp.organisationFolder(code);
      const response = await admin.api('POST', '/api/admin/organisations', {
        kind: 'gp-practice',
        name,
        code,
        settings: { primaryChannel: 'file', file: folder.settings('csv', schedule) },
      });
      expect(response.statusCode).toBe(201);
      const made = response.json<AdminOrganisation>();
      const publicKey = made.settings.file?.publicKey ?? '';
      expect(publicKey).toMatch(/^ssh-ed25519 AAAA\S+ tell-us-once-/);
      await sftp.authorise(publicKey);
      return { ...made, folder, fingerprint: fingerprintOf(publicKey) };
    };
    const elm = await practice('Elm Row Surgery', 'Y94001');
    const ash = await practice('Ash Grove Practice', 'Y94002');
    expect(elm.fingerprint).not.toBe(ash.fingerprint);

    const workerEnv = {
      DATABASE_URL: t.database.url,
      // The practices' keys are sealed under the app's SESSION_SECRET; the worker opens them with it.
      SESSION_SECRET: testSessionSecret,
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
      PORT: String(await findFreePort()),
      OUTBOX_RELAY_INTERVAL_MS: '50',
      WORKER_LEASE_SECONDS: '2',
      DELIVERY_TIMEOUT_MS: '20000',
    };
    const spawnWorker = () => {
      const worker = startPortal(workerEnv, 'server/src/worker.ts', true);
      started.push(worker);
      return worker;
    };

    for (const gpPractice of [elm.id, ash.id, elm.id, ash.id, elm.id]) await report(gpPractice);
    const first = spawnWorker();
    // Each practice's notifications wait for its own file.
    await waitFor(
      async () => {
        const rows = [...(await toOrganisation(elm.id)), ...(await toOrganisation(ash.id))];
        return rows.length === 5 && rows.every((r) => r.status === 'queued' && r.transport === 'file')
          ? true
          : undefined;
      },
      60_000,
      'both practices’ notifications held for their files',
    );
    // Hold the SFTP server, let the schedule start both runs, and kill the worker once both are claimed.
    sftp.pause();
    await tick('2028-02-29T18:30:00.000Z');
    await waitFor(
      async () => {
        const runs = [...(await runsOf(elm.id)), ...(await runsOf(ash.id))];
        return runs.length === 2 && runs.every((run) => run.status === 'claimed') ? true : undefined;
      },
      30_000,
      'a claimed run for each practice',
    );
    killGroup(first);
    await first.exited;
    sftp.resume();
    expect([...(await elm.folder.files()), ...(await ash.folder.files())]).toEqual([]);

    // One more each arrives while no worker runs; the restarted worker finishes both runs, and the
    // next scheduled minute sends the new ones (or the resumed run's job already has).
    await report(elm.id);
    await report(ash.id);
    spawnWorker();
    await waitFor(
      async () => {
        const rows = [...(await toOrganisation(elm.id)), ...(await toOrganisation(ash.id))];
        const runs = [...(await runsOf(elm.id)), ...(await runsOf(ash.id))];
        return rows.length === 7 &&
          rows.every((r) => r.transport === 'file' && r.status !== 'held') &&
          runs.every((run) => run.status === 'uploaded')
          ? true
          : undefined;
      },
      60_000,
      'the resumed runs uploaded',
    );
    await tick('2032-02-29T18:30:00.000Z');
    const delivered = await waitFor(
      async () => {
        const rows = { elm: await toOrganisation(elm.id), ash: await toOrganisation(ash.id) };
        return [...rows.elm, ...rows.ash].every((r) => r.status === 'delivered') ? rows : undefined;
      },
      60_000,
      'every notification delivered',
    );

    for (const [organisation, rows] of [
      [elm, delivered.elm],
      [ash, delivered.ash],
    ] as const) {
      const runs = await runsOf(organisation.id);
      expect(runs.map((run) => [run.status, run.record_count])).toEqual([
        ['uploaded', rows.length - 1],
        ['uploaded', 1],
      ]);
      const { records, manifests } = await uploadedRecords(organisation.folder);
      // Its folder holds its runs' files and nothing else; each record of its own once, none of another's.
      expect([...records.keys()]).toEqual(runs.map((run) => run.file_name));
      expect(manifests.every((manifest) => manifest.organisation === organisation.id)).toBe(true);
      const everyRecord = [...records.values()].flat();
      expect(everyRecord).toHaveLength(new Set(everyRecord).size);
      expect(everyRecord.sort()).toEqual(rows.map((row) => row.id).sort());
    }
    // Each practice signed in with its own key: the one the portal made for it.
    expect(new Set(sftp.signedInKeys())).toEqual(new Set([elm.fingerprint, ash.fingerprint]));
  }, 240_000);
});
