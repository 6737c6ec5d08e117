import { exampleSubmissions, type AgencyKind } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fakeAgency } from '../support/fake-agency.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

// The council refuses the first notification outright (a permanent 400), then accepts.
const council = fakeAgency('council', (n) => (n === 1 ? { status: 400 } : 'accept'));
const mockServer = outsideServices({ handlers: [council.handler] });
const env = {
  DELIVERY_RETRY_BASE_MS: '40',
  DELIVERY_RETRY_MAX_MS: '200',
  DELIVERY_TIMEOUT_MS: '2000',
  OUTBOX_RELAY_INTERVAL_MS: '20',
  ...council.env,
};
const webhookIds: string[] = [];

let t: TestApp;
let worker: RunningWorker;
let supervisor: TestStaff;
let adviser: TestStaff;
beforeAll(async () => {
  mockServer.events.on('request:start', ({ request }) => {
    const id = request.headers.get('webhook-id');
    if (id) webhookIds.push(id);
  });
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  [supervisor, adviser] = [
    await createTestStaff(t.database.db, 'supervisor'),
    await createTestStaff(t.database.db, 'adviser'),
  ];
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const delivery = (reference: string, agency: AgencyKind) =>
  t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.id', 'deliveries.status', 'deliveries.attempts'])
    .where('submissions.reference', '=', reference)
    .where('deliveries.agency', '=', agency)
    .executeTakeFirstOrThrow();
const settledAs = (reference: string, status: string) =>
  waitFor(
    async () => {
      const row = await delivery(reference, 'council');
      return row.status === status ? row : undefined;
    },
    20_000,
    `the council delivery of ${reference} to be ${status}`,
  );

describe('repairing a failed delivery', () => {
  it('retries it as a new attempt with the same webhook-id, from the page, and records who did it', async () => {
    const submitted = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
    const { reference } = submitted.json<{ reference: string }>();
    const failed = await settledAs(reference, 'failed');
    expect(failed.attempts).toBe(1);

    // An adviser sees the delivery but cannot retry it.
    const advising = new StaffClient(t.app);
    await advising.signIn(adviser);
    const view = await advising.page(`/staff/submissions/${reference}`);
    expect(view.body).toContain('The agency refused');
    expect(view.body).not.toContain('Retry delivery');
    expect((await advising.form(`/staff/deliveries/${failed.id}/retry`)).statusCode).toBe(403);

    const client = new StaffClient(t.app);
    await client.signIn(supervisor);
    const page = await client.page(`/staff/submissions/${reference}`);
    expect(page.body).toContain('Retry delivery');
    const retried = await client.form(`/staff/deliveries/${failed.id}/retry`);
    expect([retried.statusCode, retried.headers.location]).toEqual([
      303,
      `/staff/submissions/${reference}?done=retried`,
    ]);

    const delivered = await settledAs(reference, 'delivered');
    expect(delivered.attempts).toBe(2);
    expect(council.accepted).toHaveLength(1);
    // One webhook-id for the delivery, whichever attempt and whoever started it.
    expect(new Set(webhookIds).size).toBe(1);
    expect(council.accepted[0]?.webhookId).toBe(webhookIds[0]);
    const attempts = await t.database.db
      .selectFrom('delivery_attempts')
      .select(['attempt', 'outcome', 'status_code'])
      .where('delivery_id', '=', failed.id)
      .orderBy('attempt')
      .execute();
    expect(attempts).toEqual([
      { attempt: 1, outcome: 'failed', status_code: 400 },
      { attempt: 2, outcome: 'delivered', status_code: 204 },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'staff.delivery.retried')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_type: 'staff',
      actor_id: supervisor.id,
      address: '127.0.0.1',
      detail: { deliveryId: failed.id, attempt: 2 },
    });

    // Retrying what is no longer failed changes nothing.
    expect((await client.api('POST', `/api/staff/deliveries/${failed.id}/retry`)).statusCode).toBe(409);
    const history = (await client.api('GET', `/api/staff/submissions/${reference}`)).json<{
      deliveries: { agency: string; attemptHistory: unknown[]; events: { status: string }[] }[];
    }>();
    const councilHistory = history.deliveries.find((d) => d.agency === 'council');
    expect(councilHistory?.attemptHistory).toHaveLength(2);
    // Queued first when the reporter confirmed the report by code.
    expect(councilHistory?.events.map((e) => e.status)).toEqual([
      'queued',
      'sending',
      'failed',
      'queued',
      'sending',
      'delivered',
    ]);
  });

  it('marks a failed delivery as handled offline, closing it as actioned with what was done', async () => {
    const submitted = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
    const { reference } = submitted.json<{ reference: string }>();
    // This council endpoint has stopped refusing, so make the failure by hand.
    const row = await settledAs(reference, 'delivered');
    await t.database.db
      .updateTable('deliveries')
      .set({ status: 'failed', last_error: 'Endpoint gone' })
      .where('id', '=', row.id)
      .execute();
    const client = new StaffClient(t.app);
    await client.signIn(supervisor);
    await client.page(`/staff/submissions/${reference}`);
    const empty = await client.form(`/staff/deliveries/${row.id}/handled-offline`, [[`note-${row.id}`, '']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter how the agency was told');
    const done = await client.form(`/staff/deliveries/${row.id}/handled-offline`, [
      [`note-${row.id}`, 'Emailed revenues@council.example'],
    ]);
    expect(done.headers.location).toBe(`/staff/submissions/${reference}?done=handled-offline`);
    const closed = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'outcome', 'actioned_at'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({
      status: 'actioned',
      outcome: 'Handled offline by the customer centre: Emailed revenues@council.example',
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'staff.delivery.handled-offline')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: supervisor.id, detail: { deliveryId: row.id } });
  });
});
