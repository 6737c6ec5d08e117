import { exampleSubmissions, type Answers, type LifeEventId } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { addSampleCouncils, sampleAddresses } from '../support/sample-councils.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An API submission whose address no council in the directory can be found for (typed by hand, or
// outside every council) is not refused: the council team (the council kind's fallback) is told,
// to pass it on, and the 201 answer names the address and the council told instead.

let t: TestApp;
let northbridge: Organisation;
let southmere: Organisation;
let team: { id: string; name: string };
// A sample gazetteer address in Southmere, one typed by hand, and one outside every council here.
const { station, typed } = sampleAddresses;
const elsewhere = { line1: '12 Acacia Avenue', town: 'Leeds', postcode: 'LS1 4AP' };

beforeAll(async () => {
  t = await createTestApp();
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
  await t.close();
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
