import { randomBytes } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fileQueueName, SEND_AGENCY_FILE } from '../../server/src/jobs/send-agency-file-task.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { startSftpServer, type SftpServer } from '../support/sftp-server.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// An admin's choice of an organisation's primary channel decides where its next notification goes,
// and it goes there only: its webhook, then its inbox (pull API), then its scheduled file over SFTP.

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let sftp: SftpServer;
let t: TestApp;
let worker: RunningWorker;
let admin: StaffClient;
let practice: AdminOrganisation;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  sftp = await startSftpServer();
  const env = { OUTBOX_RELAY_INTERVAL_MS: '20', DELIVERY_RETRY_BASE_MS: '40', DELIVERY_RETRY_MAX_MS: '200' };
  t = await createTestApp({ env });
  admin = new StaffClient(t.app);
  expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
  const made = await admin.api('POST', '/api/admin/organisations', {
    kind: 'gp-practice',
    name: 'Channel Street Surgery',
    code: 'Y95001',
    settings: { primaryChannel: 'webhook', webhook: { url: receiver.url('gp-practice'), secret } },
  });
  expect(made.statusCode, made.body).toBe(201);
  practice = made.json<AdminOrganisation>();
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await receiver.close();
  await sftp.stop();
});

/** The admin changes the practice's settings (all of them, as the API takes them). */
async function choose(settings: Record<string, unknown>): Promise<AdminOrganisation> {
  const response = await admin.api('PUT', `/api/admin/organisations/${practice.id}`, {
    name: practice.name,
    code: practice.code,
    settings,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AdminOrganisation>();
}

/** A death reported with the practice as the GP's, once its delivery has settled as `status`. */
async function report(status: 'delivered' | 'queued') {
  const example = exampleSubmissions['someone-died'];
  const res = await submitConfirmed(t.app, { ...example, answers: { ...example.answers, gpPractice: practice.id } });
  expect(res.statusCode, res.body).toBe(201);
  const { reference } = res.json<{ reference: string }>();
  const delivery = await waitFor(
    () =>
      t.database.db
        .selectFrom('deliveries')
        .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
        .select(['deliveries.id', 'deliveries.transport', 'deliveries.organisation_id', 'deliveries.attempts'])
        .where('submissions.reference', '=', reference)
        .where('deliveries.agency', '=', 'gp-practice')
        .where('deliveries.status', '=', status)
        .where('deliveries.attempts', '>', 0)
        .executeTakeFirst(),
    15_000,
    `the practice's delivery to be ${status}`,
  );
  expect(delivery.organisation_id).toBe(practice.id);
  return { reference, deliveryId: delivery.id, transport: delivery.transport };
}

const pushed = (reference: string) => receiver.received.filter((r) => r.reference === reference);

async function pulled(key: string): Promise<string[]> {
  const page = await t.app.inject({
    method: 'GET',
    url: '/api/agency/notifications?limit=200',
    headers: { authorization: `Bearer ${key}` },
  });
  expect(page.statusCode).toBe(200);
  return page.json<{ notifications: { reference: string }[] }>().notifications.map((n) => n.reference);
}

describe('choosing an organisation’s primary channel', () => {
  it('sends its next notification by the channel chosen, and by no other: webhook, then pull API, then file', async () => {
    const { key } = await createApiKey(t.database.db, { id: practice.id, kind: 'gp-practice' }, 'GP system');

    const byWebhook = await report('delivered');
    expect(byWebhook.transport).toBe('webhook');
    expect(pushed(byWebhook.reference).map((r) => r.type)).toEqual(['gp-practice.notification.created']);

    expect((await choose({ primaryChannel: 'pull-api' })).settings).toEqual({ primaryChannel: 'pull-api' });
    const byInbox = await report('delivered');
    expect(byInbox.transport).toBe('inbox');
    expect(await pulled(key)).toContain(byInbox.reference);

    const withFile = await choose({
      primaryChannel: 'file',
      file: { url: sftp.url, hostKey: sftp.hostKey, format: 'csv', schedule: '0 18 * * *', newKey: true },
    });
    expect(withFile.settings.primaryChannel).toBe('file');
    // Its IT lets the portal's key in, as the admin page asks.
    await sftp.authorise(withFile.settings.file?.publicKey ?? '');
    const byFile = await report('queued');
    expect(byFile.transport).toBe('file');
    // Held for the practice's next file: not in its inbox yet.
    expect(await pulled(key)).not.toContain(byFile.reference);
    await sql`select graphile_worker.add_job(${SEND_AGENCY_FILE}, json_build_object('organisationId', ${practice.id}::text), queue_name => ${fileQueueName({ ...practice, fallback: false })})`.execute(
      t.database.db,
    );
    const delivered = await waitFor(
      () =>
        t.database.db
          .selectFrom('deliveries')
          .select(['status', 'file_run_id'])
          .where('id', '=', byFile.deliveryId)
          .where('status', '=', 'delivered')
          .executeTakeFirst(),
      30_000,
      'the file run to deliver it',
    );
    expect(delivered.file_run_id).not.toBeNull();
    const names = await sftp.files();
    const data = names.filter((name) => name.endsWith('.csv'));
    expect(data).toHaveLength(1);
    expect(names).toContain(`${data[0] ?? ''}.manifest.json`);
    const csv = (await sftp.read(data[0] ?? '')).toString('utf8');
    expect(csv).toContain(byFile.deliveryId);
    expect(csv).not.toContain(byInbox.deliveryId);
    expect(csv).not.toContain(byWebhook.deliveryId);

    // Nothing but the first notification ever reached the webhook, and nothing was refused there.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed(byInbox.reference)).toEqual([]);
    expect(pushed(byFile.reference)).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.rejected()).toBe(0);
  }, 90_000);
});
