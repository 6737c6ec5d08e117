import { catalogue, exampleSubmissions, reachablePages, type Answers } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import type { SubmissionStatusResponse } from '@tuo/shared/api/submissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { deliverNow } from '../support/deliver-now.js';
import { answerEveryPage, pageModel, Resident } from '../support/resident.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';

// Moving home between two councils tells both: the old council closes the account (leaving date,
// forwarding address, who stays behind, the account number), the new one opens one (moving-in
// date, who moves in, who pays, the tenancy or completion date). Each gets only its own fields.

let t: TestApp;
let northbridge: Organisation;
let southmere: Organisation;
const journey = catalogue['moving-home'];
// Sample gazetteer addresses: Northbridge's custodian code is 9901, Southmere's 9902.
const acacia = { line1: '1 Acacia Avenue', town: 'Northbridge', postcode: 'NB1 4AA', uprn: '9000000101' };
const forge = {
  line1: 'The Old Forge',
  line2: 'Mill Lane',
  town: 'Northbridge',
  postcode: 'NB2 7QT',
  uprn: '9000000206',
};
const station = {
  line1: '2 Station Road',
  line2: 'Easton',
  town: 'Southmere',
  postcode: 'SX4 2BX',
  uprn: '9000000301',
};
const typed = { line1: '7 Harbour Row', town: 'Southmere', postcode: 'SX4 9ZZ' };

beforeAll(async () => {
  t = await createTestApp();
  ({ northbridge, southmere } = await addSampleCouncils(t.database.db));
});
afterAll(async () => {
  await t.close();
});

/** A resident who has answered every question of a move, on "Check your answers". */
async function residentMoving(addresses: Answers): Promise<{ resident: Resident; answers: Answers }> {
  const answers: Answers = {
    ...exampleSubmissions['moving-home'].answers,
    tenancyOrCompletionDate: '2025-02-28',
    ...addresses,
  };
  const resident = new Resident(t.app);
  await answerEveryPage(resident, 'moving-home', reachablePages(journey, answers), answers);
  return { resident, answers };
}

/** Chooses to tell everyone, declares and confirms; returns the reference and tracking code. */
async function send(resident: Resident): Promise<{ reference: string; trackingSecret: string }> {
  await resident.post('/moving-home/who-to-tell', [['tellAll', 'all']]);
  await resident.get('/moving-home/declaration');
  const sent = await resident.post('/moving-home/declaration', [['declaration', 'confirmed']]);
  expect(sent.headers.location).toBe('/moving-home/confirmation');
  // The tracking code is shown once, on the first confirmation page.
  const waiting = pageModel(await resident.get('/moving-home/confirmation'));
  if (waiting.page !== 'confirmation') throw new Error(waiting.page);
  const code = waiting.props.confirm?.trialCode ?? '';
  expect((await resident.post('/moving-home/confirmation', [['code', code]])).statusCode).toBe(303);
  return { reference: waiting.props.reference, trackingSecret: waiting.props.trackingSecret ?? '' };
}

/** Sends each council delivery of a reference and returns what each organisation was given. */
async function councilPayloads(reference: string) {
  const rows = await t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.id', 'deliveries.organisation_id', 'deliveries.role'])
    .where('submissions.reference', '=', reference)
    .where('deliveries.agency', '=', 'council')
    .execute();
  const config = testConfig(t.database.url);
  const adapters = createAdapterRegistry(config);
  const privacy = testProtectedValues();
  const given: { organisation: string; role: string | null; payload: Record<string, unknown> }[] = [];
  for (const row of rows) {
    expect(await deliverNow(t.database.db, { deliveryId: row.id, attempt: 1 }, adapters, config)).toBe(true);
    const sent = await t.database.db
      .selectFrom('deliveries')
      .select(['payload', 'status'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe('delivered');
    given.push({
      organisation: row.organisation_id,
      role: row.role,
      payload: privacy.openPayload(sent.payload) as unknown as Record<string, unknown>,
    });
  }
  return given.sort((a, b) => (a.role ?? '').localeCompare(b.role ?? ''));
}

const person = {
  fullName: 'Priya Shah',
  dateOfBirth: '1986-07-09',
  movingWith: 'me-and-others',
  peopleMoving: [
    { fullName: 'Ravi Shah', dateOfBirth: '1984-05-02' },
    { fullName: 'Anya Shah', dateOfBirth: '2015-10-18' },
  ],
  moveDate: '2025-03-01',
  benefits: ['universal-credit'],
  contactMethods: ['email'],
  email: 'priya.shah@example.com',
};

describe('moving from a home in one council to a home in another', () => {
  it('names both councils on who-to-tell, each with its own reason and what it is sent', async () => {
    const { resident } = await residentMoving({ oldAddress: acacia, newAddress: station });
    const page = pageModel(await resident.get('/moving-home/who-to-tell'));
    if (page.page !== 'who-to-tell') throw new Error(page.page);
    const council = page.props.options.find((option) => option.agency === 'council');
    expect(council?.organisationName).toBeUndefined();
    expect(council?.parts).toEqual([
      {
        role: 'leaving',
        organisationName: 'Northbridge Borough Council',
        fields: [
          'fullName',
          'dateOfBirth',
          'movingWith',
          'peopleMoving',
          'oldAddress',
          'newAddress',
          'moveDate',
          'councilTaxAccount',
          'benefits',
          'contactMethods',
          'email',
        ],
      },
      {
        role: 'joining',
        organisationName: 'Southmere District Council',
        fields: [
          'fullName',
          'dateOfBirth',
          'movingWith',
          'peopleMoving',
          'oldAddress',
          'newAddress',
          'moveDate',
          'tenancyOrCompletionDate',
          'paysCouncilTax',
          'benefits',
          'contactMethods',
          'email',
        ],
      },
    ]);
  });

  it('tells both councils, each only its own fields, and records consent for each by name', async () => {
    const { resident } = await residentMoving({ oldAddress: acacia, newAddress: station });
    const { reference, trackingSecret } = await send(resident);
    const payloads = await councilPayloads(reference);
    expect(payloads.map((p) => [p.organisation, p.role])).toEqual([
      [southmere.id, 'joining'],
      [northbridge.id, 'leaving'],
    ]);
    expect(payloads[0]?.payload).toMatchObject({ role: 'joining' });
    expect(payloads[0]?.payload.answers).toEqual({
      ...person,
      oldAddress: acacia,
      newAddress: station,
      tenancyOrCompletionDate: '2025-02-28',
      paysCouncilTax: 'yes',
    });
    expect(payloads[1]?.payload).toMatchObject({ role: 'leaving' });
    expect(payloads[1]?.payload.answers).toEqual({
      ...person,
      oldAddress: acacia,
      newAddress: station,
      councilTaxAccount: '50012345',
    });

    const stored = await t.database.db
      .selectFrom('submissions')
      .select('envelope')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const consent = (stored.envelope as { consent: Record<string, unknown>[] }).consent.filter(
      (record) => record.agency === 'council',
    );
    expect(consent.map((record) => [record.role, (record.organisation as { name: string }).name])).toEqual([
      ['leaving', 'Northbridge Borough Council'],
      ['joining', 'Southmere District Council'],
    ]);
    expect(consent[0]?.purposeText).toMatch(/^So the council for your old address can close/);

    // The status API and the tracking page name each council, and keep the kind.
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(status.statusCode).toBe(200);
    const councils = status
      .json<SubmissionStatusResponse>()
      .agencies.filter((a) => a.agency === 'council')
      .map((a) => [a.organisation, a.role]);
    expect(councils).toEqual([
      ['Northbridge Borough Council', 'leaving'],
      ['Southmere District Council', 'joining'],
    ]);
  });

  it('tells one council everything, with no role, when both homes are in its area', async () => {
    const { resident } = await residentMoving({ oldAddress: acacia, newAddress: forge });
    const { reference } = await send(resident);
    const payloads = await councilPayloads(reference);
    expect(payloads.map((p) => [p.organisation, p.role])).toEqual([[northbridge.id, null]]);
    expect(payloads[0]?.payload).not.toHaveProperty('role');
    expect(payloads[0]?.payload.answers).toEqual({
      ...person,
      oldAddress: acacia,
      newAddress: forge,
      tenancyOrCompletionDate: '2025-02-28',
      paysCouncilTax: 'yes',
      councilTaxAccount: '50012345',
    });
  });
});

describe('an address whose council the look-up cannot say', () => {
  it('asks which council it is in, GOV.UK style, and tells the one chosen (never silently the fallback)', async () => {
    const { resident } = await residentMoving({ oldAddress: typed, newAddress: acacia });
    const redirected = await resident.get('/moving-home/who-to-tell');
    expect(redirected.statusCode).toBe(303);
    expect(redirected.headers.location).toBe('/moving-home/which-council/oldAddress');
    const asked = await resident.get('/moving-home/which-council/oldAddress');
    const page = pageModel(asked);
    if (page.page !== 'which-council') throw new Error(page.page);
    expect(page.props.address).toEqual(['7 Harbour Row', 'Southmere', 'SX4 9ZZ']);
    expect(page.props.councils.map((c) => c.name)).toEqual([
      'Northbridge Borough Council',
      'Southmere District Council',
    ]);
    expect(asked.body).toContain('value="not-listed"');

    const nothing = await resident.post('/moving-home/which-council/oldAddress', []);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('govuk-error-summary');
    const again = pageModel(nothing);
    expect(again.page === 'which-council' && again.props.form.errors).toEqual([
      { field: 'council', message: 'Select the council for this address, or select that it is not listed' },
    ]);
    expect(
      (await resident.post('/moving-home/which-council/oldAddress', [['council', 'not-a-council']])).statusCode,
    ).toBe(400);

    const chosen = await resident.post('/moving-home/which-council/oldAddress', [['council', southmere.id]]);
    expect(chosen.headers.location).toBe('/moving-home/who-to-tell');
    const whoToTell = pageModel(await resident.get('/moving-home/who-to-tell'));
    if (whoToTell.page !== 'who-to-tell') throw new Error(whoToTell.page);
    expect(whoToTell.props.options.find((o) => o.agency === 'council')?.parts?.map((p) => p.organisationName)).toEqual([
      'Southmere District Council',
      'Northbridge Borough Council',
    ]);
    const { reference } = await send(resident);
    expect((await councilPayloads(reference)).map((p) => [p.organisation, p.role])).toEqual([
      [northbridge.id, 'joining'],
      [southmere.id, 'leaving'],
    ]);
  });

  it('tells the council team when the resident says their council is not listed, and says so', async () => {
    const { resident } = await residentMoving({ oldAddress: station, newAddress: typed });
    expect((await resident.get('/moving-home/who-to-tell')).headers.location).toBe(
      '/moving-home/which-council/newAddress',
    );
    const asked = await resident.get('/moving-home/which-council/newAddress');
    const fallback = await fallbackOrganisation(t.database.db, 'council');
    expect(pageModel(asked).page).toBe('which-council');
    // The council team by what it does, not by its directory name ("Council").
    expect(asked.body).toContain('We will tell our council team, who will pass it to the right council');
    await resident.post('/moving-home/which-council/newAddress', [['council', 'not-listed']]);
    const { reference } = await send(resident);
    expect((await councilPayloads(reference)).map((p) => [p.organisation, p.role])).toEqual([
      [fallback.id, 'joining'],
      [southmere.id, 'leaving'],
    ]);
  });
});
