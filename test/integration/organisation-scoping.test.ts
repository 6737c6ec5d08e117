import { randomBytes } from 'node:crypto';
import { exampleSubmissions, type AgencyKind } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createOrganisation, setOrganisationEnabled } from '../../server/src/organisations/organisation-repository.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { waitUntilDelivered } from '../support/wait-until-delivered.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { submitConfirmed } from '../support/confirm-submission.js';

// Organisations of one kind are as separate as organisations of different kinds: each key, portal
// account and webhook sees its own organisation's notifications and nothing else.

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
let worker: RunningWorker;
let riverside: Organisation;
let hilltop: Organisation;
let southmoor: Organisation;
const system = { type: 'system' } as const;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  // The council kind's configured webhook: its fallback organisation's, no other council's.
  const env = {
    OUTBOX_RELAY_INTERVAL_MS: '20',
    AGENCY_COUNCIL_WEBHOOK_URL: receiver.url('council'),
    AGENCY_COUNCIL_WEBHOOK_SECRET: secret,
  };
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  const db = t.database.db;
  riverside = await createOrganisation(
    db,
    { kind: 'gp-practice', name: 'Riverside Surgery', code: 'Y90001', areas: [], postcode: 'NB1 1AA' },
    system,
  );
  hilltop = await createOrganisation(
    db,
    { kind: 'gp-practice', name: 'Hilltop Medical Centre', code: 'Y90002', areas: [], postcode: 'NB2 2BB' },
    system,
  );
  southmoor = await createOrganisation(
    db,
    { kind: 'council', name: 'Southmoor Borough Council', code: 'E09000901', areas: ['E09000901'] },
    system,
  );
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await receiver.close();
});

type Deliveries = Partial<Record<AgencyKind, { id: string; organisation_id: string }>>;

async function submitAndDeliver(organisations?: Partial<Record<AgencyKind, string>>) {
  const res = await submitConfirmed(t.app, {
    ...exampleSubmissions['someone-died'],
    ...(organisations ? { organisations } : {}),
  });
  expect(res.statusCode).toBe(201);
  const { reference } = res.json<{ reference: string }>();
  const deliveries: Deliveries = await waitUntilDelivered(t.database.db, reference);
  return { reference, deliveries };
}

async function referencesSeenBy(key: string): Promise<string[]> {
  const seen: string[] = [];
  let after = '';
  for (;;) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/agency/notifications?limit=200${after ? `&after=${after}` : ''}`,
      headers: { authorization: `Bearer ${key}` },
    });
    const page = res.json<{ notifications: { reference: string }[]; nextCursor: string }>();
    if (page.notifications.length === 0) return seen;
    seen.push(...page.notifications.map((n) => n.reference));
    after = page.nextCursor;
  }
}

describe('organisations in the directory', () => {
  it('routes to the organisations the resident picked and names each in the consent record; others go to the fallback', async () => {
    const picked = await submitAndDeliver({ 'gp-practice': riverside.id, council: southmoor.id });
    const fallbackGp = await fallbackOrganisation(t.database.db, 'gp-practice');
    expect(picked.deliveries['gp-practice']?.organisation_id).toBe(riverside.id);
    expect(picked.deliveries.council?.organisation_id).toBe(southmoor.id);
    const envelope = testProtectedValues().openEnvelope(
      (
        await t.database.db
          .selectFrom('submissions')
          .select('envelope')
          .where('reference', '=', picked.reference)
          .executeTakeFirstOrThrow()
      ).envelope,
    );
    expect(envelope.consent.find((c) => c.agency === 'gp-practice')?.organisation).toEqual({
      id: riverside.id,
      name: 'Riverside Surgery',
    });

    const unpicked = await submitAndDeliver();
    expect(unpicked.deliveries['gp-practice']?.organisation_id).toBe(fallbackGp.id);
  });

  it('lets each organisation’s key, portal account and webhook see its own notifications only', async () => {
    const picked = await submitAndDeliver({ 'gp-practice': riverside.id, council: southmoor.id });
    const unpicked = await submitAndDeliver();
    const db = t.database.db;
    const keyOf = async (organisation: { id: string; kind: AgencyKind }) =>
      (await createApiKey(db, organisation, 'Practice system')).key;

    // API keys.
    const riversideSees = await referencesSeenBy(await keyOf(riverside));
    expect(riversideSees).toContain(picked.reference);
    expect(riversideSees).not.toContain(unpicked.reference);
    expect(await referencesSeenBy(await keyOf(hilltop))).toEqual([]);
    const fallbackGpSees = await referencesSeenBy(await keyOf(await fallbackOrganisation(db, 'gp-practice')));
    expect(fallbackGpSees).toContain(unpicked.reference);
    expect(fallbackGpSees).not.toContain(picked.reference);

    // Portal accounts.
    const gpDelivery = picked.deliveries['gp-practice']?.id ?? '';
    const atRiverside = await signedInAgencyClient(
      t.app,
      await createTestAgencyUser(db, 'gp-practice', 'agency-user', riverside),
    );
    const atHilltop = await signedInAgencyClient(
      t.app,
      await createTestAgencyUser(db, 'gp-practice', 'agency-admin', hilltop),
    );
    expect((await atRiverside.page(`/agency/notifications/${gpDelivery}`)).statusCode).toBe(200);
    expect((await atHilltop.page(`/agency/notifications/${gpDelivery}`)).statusCode).toBe(404);
    await atHilltop.page('/agency/notifications');
    expect((await atHilltop.form(`/agency/notifications/${gpDelivery}/acknowledge`)).statusCode).toBe(404);
    const csv = await atHilltop.page('/agency/notifications.csv?status=all');
    expect(csv.body).not.toContain(picked.reference);

    // The council kind's webhook is its fallback's: Southmoor's notification stays in Southmoor's inbox.
    await waitFor(() =>
      Promise.resolve(receiver.received.some((r) => r.reference === unpicked.reference) ? true : undefined),
    );
    expect(receiver.received.map((r) => r.reference)).not.toContain(picked.reference);
    expect(await referencesSeenBy(await keyOf(southmoor))).toContain(picked.reference);
  });

  it('refuses an organisation of another kind, an unknown one, or a disabled one, and writes nothing', async () => {
    const before = await t.database.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const closed = await createOrganisation(
      t.database.db,
      { kind: 'gp-practice', name: 'Closed Practice', code: 'Y90009', areas: [] },
      system,
    );
    await setOrganisationEnabled(t.database.db, closed.id, false, system);
    for (const wrong of [southmoor.id, '6d1f3d9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f', closed.id]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/submissions',
        payload: { ...exampleSubmissions['someone-died'], organisations: { 'gp-practice': wrong } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { path: string; message: string }[] }>().errors).toEqual([
        { path: 'organisations.gp-practice', message: 'Select an organisation from the list' },
      ]);
    }
    const after = await t.database.db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('stops a disabled organisation’s keys and portal accounts at once', async () => {
    const db = t.database.db;
    const leaving = await createOrganisation(
      db,
      { kind: 'gp-practice', name: 'Merging Practice', code: 'Y90010', areas: [] },
      system,
    );
    const { key } = await createApiKey(db, leaving, 'Practice system');
    const user = await createTestAgencyUser(db, 'gp-practice', 'agency-user', leaving);
    const client = await signedInAgencyClient(t.app, user);
    const auth = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/agency/notifications', headers: auth })).statusCode).toBe(
      200,
    );
    await setOrganisationEnabled(db, leaving.id, false, system);
    expect((await t.app.inject({ method: 'GET', url: '/api/agency/notifications', headers: auth })).statusCode).toBe(
      401,
    );
    expect((await client.page('/agency/notifications')).statusCode).not.toBe(200);
  });
});
