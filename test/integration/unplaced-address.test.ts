import { randomBytes } from 'node:crypto';
import { exampleSubmissions, type AgencyPayloadV1, type Answers, type LifeEventId } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { pageModel } from '../support/resident.js';
import { addSampleCouncils, sampleAddresses } from '../support/sample-councils.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// An API submission whose address no council in the directory can be found for (typed by hand, or
// outside every council) is not refused: the council team (the council kind's fallback) is told,
// to pass it on, and the 201 answer names the address and the council told instead. What the
// council team receives says so too; the council team takes the kind's webhook here.

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let worker: RunningWorker;
let t: TestApp;
let northbridge: Organisation;
let southmere: Organisation;
let team: { id: string; name: string };
// A sample gazetteer address in Southmere, one typed by hand, and one outside every council here.
const { mill, station, typed } = sampleAddresses;
const elsewhere = { line1: '12 Acacia Avenue', town: 'Leeds', postcode: 'LS1 4AP' };

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  const env = {
    OUTBOX_RELAY_INTERVAL_MS: '20',
    AGENCY_COUNCIL_WEBHOOK_URL: receiver.url('council'),
    AGENCY_COUNCIL_WEBHOOK_SECRET: secret,
  };
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  ({ northbridge, southmere } = await addSampleCouncils(t.database.db));
  const fallback = await fallbackOrganisation(t.database.db, 'council');
  const row = await t.database.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', fallback.id)
    .executeTakeFirstOrThrow();
  team = { id: fallback.id, name: row.name };
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await receiver.close();
});

async function submit(
  lifeEvent: LifeEventId,
  answers: Answers,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const example = exampleSubmissions[lifeEvent];
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers,
    payload: { ...example, answers: { ...example.answers, ...answers }, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<CreateSubmissionResponse>();
  const councils = await t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.organisation_id', 'deliveries.role'])
    .where('submissions.reference', '=', body.reference)
    .where('deliveries.agency', '=', 'council')
    .orderBy('deliveries.role')
    .execute();
  return { body, councils };
}

describe('an API submission whose address cannot be placed in any council', () => {
  it('tells the council team, and the answer names the address and the council told instead', async () => {
    for (const lastAddress of [typed, elsewhere]) {
      const { body, councils } = await submit('someone-died', { lastAddress });
      expect(body.unplacedAddresses).toEqual([{ field: 'lastAddress', told: team }]);
      expect(councils).toEqual([{ organisation_id: team.id, role: null }]);
    }
  });

  it('tells the council the client names instead, and then has nothing to say about it', async () => {
    const { body, councils } = await submit(
      'someone-died',
      { lastAddress: typed },
      { organisations: { council: southmere.id } },
    );
    expect(body).not.toHaveProperty('unplacedAddresses');
    expect(councils).toEqual([{ organisation_id: southmere.id, role: null }]);
  });

  it('says nothing for an address the look-up places: its own council is told', async () => {
    const { body, councils } = await submit('someone-died', { lastAddress: station });
    expect(body).not.toHaveProperty('unplacedAddresses');
    expect(councils).toEqual([{ organisation_id: southmere.id, role: null }]);
  });

  it('in a move from an unplaced home, tells the new home’s council both parts, and says so', async () => {
    const { body, councils } = await submit('moving-home', { oldAddress: typed, newAddress: station });
    expect(body.unplacedAddresses).toEqual([{ field: 'oldAddress', told: { id: southmere.id, name: southmere.name } }]);
    expect(councils).toEqual([{ organisation_id: southmere.id, role: null }]);

    const both = await submit('moving-home', { oldAddress: elsewhere, newAddress: typed });
    expect(both.body.unplacedAddresses).toEqual([
      { field: 'oldAddress', told: team },
      { field: 'newAddress', told: team },
    ]);
    expect(both.councils).toEqual([{ organisation_id: team.id, role: null }]);

    // The client may name the home left's council as well: each is then told its own part.
    const named = await submit(
      'moving-home',
      { oldAddress: typed, newAddress: station },
      { organisationsLeft: { council: northbridge.id } },
    );
    expect(named.body).not.toHaveProperty('unplacedAddresses');
    expect(named.councils.map((c) => [c.organisation_id, c.role])).toEqual([
      [southmere.id, 'joining'],
      [northbridge.id, 'leaving'],
    ]);
  });

  it('answers a repeat with the same idempotency key the same way', async () => {
    const headers = { 'idempotency-key': 'unplaced-address-repeat-1' };
    const first = await submit('someone-died', { lastAddress: typed }, {}, headers);
    const again = await submit('someone-died', { lastAddress: typed }, {}, headers);
    expect(again.body).toEqual(first.body);
    expect(again.body.unplacedAddresses).toEqual([{ field: 'lastAddress', told: team }]);
  });
});

const reason =
  "This address could not be placed in any council's area, so the report came to the council team to pass on to the council it belongs to.";

/** A confirmed report, once every council told holds it: each council delivery's organisation, role and payload as pulled. */
async function delivered(lifeEvent: LifeEventId, answers: Answers) {
  const example = exampleSubmissions[lifeEvent];
  const created = await submitConfirmed(t.app, { ...example, answers: { ...example.answers, ...answers } });
  expect(created.statusCode, created.body).toBe(201);
  const { reference } = created.json<CreateSubmissionResponse>();
  const rows = await waitFor(async () => {
    const found = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select(['deliveries.id', 'deliveries.organisation_id', 'deliveries.role', 'deliveries.status'])
      .where('submissions.reference', '=', reference)
      .where('deliveries.agency', '=', 'council')
      .orderBy('deliveries.role')
      .execute();
    return found.length > 0 && found.every((row) => row.status === 'delivered') ? found : undefined;
  });
  const pulled = await Promise.all(
    rows.map(async (row) => {
      const { key } = await createApiKey(t.database.db, { id: row.organisation_id, kind: 'council' }, 'Revenues');
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/agency/notifications?limit=200',
        headers: { authorization: `Bearer ${key}` },
      });
      const notifications = res.json<{ notifications: { id: string; payload: AgencyPayloadV1 }[] }>().notifications;
      const mine = notifications.find((n) => n.id === row.id);
      if (!mine) throw new Error(`no notification ${row.id} in its organisation's inbox`);
      return { organisation: row.organisation_id, role: row.role, payload: mine.payload };
    }),
  );
  return { reference, id: rows[0]?.id ?? '', pulled };
}

describe('what the council team receives for an address no council can be placed for', () => {
  it('says so in its webhook, its inbox and its portal page, naming only the routed address', async () => {
    const { reference, id, pulled } = await delivered('someone-died', { lastAddress: typed });
    expect(pulled).toHaveLength(1);
    const [toTeam] = pulled;
    expect(toTeam?.organisation).toBe(team.id);
    expect(toTeam?.payload.unplacedAddresses).toEqual([{ field: 'lastAddress', reason }]);
    expect(toTeam?.payload.answers.lastAddress).toEqual(typed);

    const pushed = await waitFor(() => Promise.resolve(receiver.received.find((item) => item.reference === reference)));
    expect(pushed.type).toBe('council.notification.created');
    expect(pushed.data.unplacedAddresses).toEqual([{ field: 'lastAddress', reason }]);

    const officer = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'council'));
    const page = await officer.page(`/agency/notifications/${id}`);
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    if (model.page !== 'agency' || model.props.view !== 'notification') throw new Error('Expected a notification page');
    expect(model.props.notification.unplacedAddresses).toEqual(['What was their last address?']);
    expect(page.body).toContain('Not placed in any council&#x27;s area');
    expect(page.body).toContain(
      'The address given for “What was their last address?” could not be placed in any council&#x27;s area, so the report came to the council team. Pass it on to the council it belongs to.',
    );
  });

  it('names only the part of a move that brought it, and says nothing to a council the look-up placed', async () => {
    const { pulled } = await delivered('moving-home', { oldAddress: mill, newAddress: typed });
    expect(pulled.map((p) => [p.organisation, p.role, p.payload.unplacedAddresses])).toEqual([
      [team.id, 'joining', [{ field: 'newAddress', reason }]],
      [northbridge.id, 'leaving', undefined],
    ]);

    const placed = await delivered('someone-died', { lastAddress: station });
    expect(placed.pulled.map((p) => [p.organisation, p.payload.unplacedAddresses])).toEqual([
      [southmere.id, undefined],
    ]);
  });
});
