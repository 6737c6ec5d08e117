import { catalogue, exampleSubmissions, reachablePages, type AddressAnswer, type Answers } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeOsPlaces, type FakeDpa } from '../support/fake-os-places.js';
import { answerEveryPage, pageModel, Resident } from '../support/resident.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { outsideServices } from '../support/outside-services.js';

// With OS Places as the address look-up, an address's LOCAL_CUSTODIAN_CODE (the council keeping
// its AddressBase record) picks the council from the directory; a code no council in the directory
// has means the resident is asked which council it is, never silently the fallback.

const mockServer = outsideServices();

const apiKey = 'os-places-test-key-0123456789';
const dpas: FakeDpa[] = [
  {
    UPRN: '100023336956',
    ADDRESS: '10, DOWNING STREET, LONDON, SW1A 2AA',
    BUILDING_NUMBER: '10',
    THOROUGHFARE_NAME: 'DOWNING STREET',
    POST_TOWN: 'LONDON',
    POSTCODE: 'SW1A 2AA',
    // Southmere's code in this test's directory.
    LOCAL_CUSTODIAN_CODE: 9902,
  },
  {
    UPRN: '100023336957',
    ADDRESS: '12, DOWNING STREET, LONDON, SW1A 2AA',
    BUILDING_NUMBER: '12',
    THOROUGHFARE_NAME: 'DOWNING STREET',
    POST_TOWN: 'LONDON',
    POSTCODE: 'SW1A 2AA',
    // A council the directory does not list.
    LOCAL_CUSTODIAN_CODE: 5990,
  },
];
const osPlaces = fakeOsPlaces(apiKey, dpas);
const journey = catalogue['someone-died'];

let t: TestApp;
let northbridge: Organisation;
let southmere: Organisation;
beforeAll(async () => {
  t = await createTestApp({ env: { ADDRESS_LOOKUP: 'os-places', OS_PLACES_API_KEY: apiKey } });
  ({ northbridge, southmere } = await addSampleCouncils(t.database.db));
});
afterAll(async () => {
  await t.close();
});

/** The address OS Places gives for a UPRN, as the look-up lists it to residents. */
async function osAddress(uprn: string): Promise<AddressAnswer> {
  const res = await t.app.inject({ method: 'GET', url: '/api/address-lookup?postcode=SW1A%202AA' });
  const found = res.json<{ addresses: AddressAnswer[] }>().addresses.find((address) => address.uprn === uprn);
  if (!found) throw new Error(`OS Places did not list ${uprn}: ${res.body}`);
  return found;
}

/** A resident who reported a death at this address, on "Check your answers". */
async function residentAt(lastAddress: AddressAnswer): Promise<Resident> {
  const answers: Answers = { ...exampleSubmissions['someone-died'].answers, lastAddress };
  const resident = new Resident(t.app);
  await answerEveryPage(resident, 'someone-died', reachablePages(journey, answers), answers);
  return resident;
}

async function sentCouncil(resident: Resident): Promise<string> {
  await resident.post('/someone-died/who-to-tell', [['tellAll', 'all']]);
  await resident.get('/someone-died/declaration');
  expect((await resident.post('/someone-died/declaration', [['declaration', 'confirmed']])).statusCode).toBe(303);
  const confirmation = pageModel(await resident.get('/someone-died/confirmation'));
  if (confirmation.page !== 'confirmation') throw new Error(confirmation.page);
  const row = await t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select('deliveries.organisation_id')
    .where('submissions.reference', '=', confirmation.props.reference)
    .where('deliveries.agency', '=', 'council')
    .executeTakeFirstOrThrow();
  return row.organisation_id;
}

describe('the council from OS Places', () => {
  it("tells the council whose code is the address's LOCAL_CUSTODIAN_CODE, naming it on who-to-tell", async () => {
    mockServer.use(...osPlaces.handlers);
    const resident = await residentAt(await osAddress('100023336956'));
    const page = pageModel(await resident.get('/someone-died/who-to-tell'));
    if (page.page !== 'who-to-tell') throw new Error(page.page);
    expect(page.props.options.find((option) => option.agency === 'council')?.organisationName).toBe(
      'Southmere District Council',
    );
    expect(await sentCouncil(resident)).toBe(southmere.id);
  });

  it('asks the resident when the code is one no council in the directory has, and tells the one chosen', async () => {
    mockServer.use(...osPlaces.handlers);
    const resident = await residentAt(await osAddress('100023336957'));
    const redirected = await resident.get('/someone-died/who-to-tell');
    expect(redirected.headers.location).toBe('/someone-died/which-council/lastAddress');
    const asked = pageModel(await resident.get('/someone-died/which-council/lastAddress'));
    expect(asked.page === 'which-council' && asked.props.address).toEqual(['12 Downing Street', 'London', 'SW1A 2AA']);
    await resident.post('/someone-died/which-council/lastAddress', [['council', northbridge.id]]);
    expect(await sentCouncil(resident)).toBe(northbridge.id);
  });
});
