import { exampleSubmissions } from '@tuo/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { fakeAgency } from '../support/fake-agency.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

const council = fakeAgency('council');
outsideServices({ handlers: [council.handler] });
const env = { ...council.env, OUTBOX_RELAY_INTERVAL_MS: '20', DELIVERY_RETRY_BASE_MS: '40' };
let t: TestApp;
let worker: RunningWorker;
let gpKey: string;

beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  gpKey = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP records'))
    .key;
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const death = exampleSubmissions['someone-died'];

async function submitAndDeliver(answers: Record<string, unknown> = {}) {
  const res = await submitConfirmed(t.app, { ...death, answers: { ...death.answers, ...answers } });
  expect(res.statusCode, res.body).toBe(201);
  const { reference } = res.json<{ reference: string }>();
  await waitFor(async () => {
    const rows = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select('deliveries.status')
      .where('submissions.reference', '=', reference)
      .execute();
    return rows.length > 0 && rows.every((r) => r.status === 'delivered') ? true : undefined;
  });
  return reference;
}

interface Notification {
  id: string;
  reference: string;
  possibleDuplicateOf: string | null;
  payload: { possibleDuplicateOf?: string };
}

async function gpNotifications(): Promise<Notification[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/agency/notifications?limit=200',
    headers: { authorization: `Bearer ${gpKey}` },
  });
  return res.json<{ notifications: Notification[] }>().notifications;
}

async function staffView(client: StaffClient, reference: string) {
  const res = await client.api('GET', `/api/staff/submissions/${reference}`);
  expect(res.statusCode).toBe(200);
  return res.json<{ possibleDuplicates: { reference: string }[] }>().possibleDuplicates.map((d) => d.reference);
}

describe('a second report of the same death', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    first = await submitAndDeliver();
    // Another informant, typing the name differently and leaving out the middle names.
    second = await submitAndDeliver({
      firstName: 'MARGARET',
      middleNames: undefined,
      lastName: 'obrien',
      reporterName: 'Aoife Byrne',
      relationship: 'other',
      relationshipOther: 'Neighbour',
    });
  });

  it('is linked to the first both ways, in the agency API (read fresh) and in the webhook sent after it', async () => {
    const byReference = new Map((await gpNotifications()).map((n) => [n.reference, n]));
    expect(byReference.get(second)).toMatchObject({
      possibleDuplicateOf: first,
      payload: { possibleDuplicateOf: first },
    });
    // The first was delivered before the second existed; read now, it names the second.
    expect(byReference.get(first)).toMatchObject({
      possibleDuplicateOf: second,
      payload: { possibleDuplicateOf: second },
    });

    const pushed = new Map(council.accepted.map((received) => [received.body.data.reference, received.body.data]));
    expect(pushed.get(second)).toMatchObject({ possibleDuplicateOf: first });
    expect(pushed.get(first)).not.toHaveProperty('possibleDuplicateOf');
  });

  it('is shown to staff on both submissions', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const client = new StaffClient(t.app);
    expect((await client.signIn(adviser)).statusCode).toBe(200);
    expect(await staffView(client, first)).toEqual([second]);
    expect(await staffView(client, second)).toEqual([first]);
    const page = await client.page(`/staff/submissions/${first}`);
    expect(page.body).toContain('This may be a duplicate');
    expect(page.body).toContain(`href="/staff/submissions/${second}"`);
  });

  it('is shown in the agency portal: a tag on the work list and the link on the notification', async () => {
    const user = await createTestAgencyUser(t.database.db, 'gp-practice');
    const client = await signedInAgencyClient(t.app, user);
    const list = await client.page('/agency/notifications');
    expect(list.body).toContain('Possible duplicate');
    const secondNotification = (await gpNotifications()).find((n) => n.reference === second);
    const page = await client.page(`/agency/notifications/${secondNotification?.id ?? ''}`);
    expect(page.body).toContain(`Possible duplicate of ${first}`);
    const csv = await client.page('/agency/notifications.csv?status=all');
    expect(csv.body.split('\r\n')[0]).toContain('"Possible duplicate of"');
    expect(csv.body).toContain(`"${first}"`);
  });

  it('is matched by keyed hash only: no name or date of the death is stored for it in clear', async () => {
    const rows = await sql<{ hashes: string[] }>`
      select identifier_hashes as hashes from submission_search where reference = ${second.replaceAll('-', '')}
    `.execute(t.database.db);
    const hashes = rows.rows[0]?.hashes ?? [];
    const marked = hashes.filter((hash) => hash.startsWith('same-event.'));
    expect(marked).toHaveLength(1);
    for (const clear of ['margaret', 'obrien', '1941-03-27', '2025-01-14'])
      expect(marked[0]?.toLowerCase()).not.toContain(clear);
  });
});

describe('reports that are not of the same death', () => {
  it('are not linked: another date of death, or more than 90 days apart', async () => {
    const other = await submitAndDeliver({ firstName: 'Brigid', dateOfDeath: '2025-02-01' });
    const otherDay = await submitAndDeliver({ firstName: 'Brigid', dateOfDeath: '2025-02-02' });
    const old = await submitAndDeliver({ firstName: 'Nuala', dateOfDeath: '2025-03-01' });
    await sql`update submissions set submitted_at = submitted_at - interval '91 days' where reference = ${old}`.execute(
      t.database.db,
    );
    const late = await submitAndDeliver({ firstName: 'Nuala', dateOfDeath: '2025-03-01' });
    const byReference = new Map((await gpNotifications()).map((n) => [n.reference, n.possibleDuplicateOf]));
    for (const reference of [other, otherDay, old, late]) expect(byReference.get(reference), reference).toBeNull();
  });
});
