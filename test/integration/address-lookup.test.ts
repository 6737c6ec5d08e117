import { catalogue } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeOsPlaces, type FakeDpa } from '../support/fake-os-places.js';
import { documentTitle, pageModel, pagePost, Resident } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { outsideServices } from '../support/outside-services.js';

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
  },
  {
    UPRN: '100023336957',
    ADDRESS: 'FLAT 2, ORCHARD HOUSE, 11, DOWNING STREET, LONDON, SW1A 2AA',
    SUB_BUILDING_NAME: 'FLAT 2',
    BUILDING_NAME: 'ORCHARD HOUSE',
    BUILDING_NUMBER: '11',
    THOROUGHFARE_NAME: 'DOWNING STREET',
    POST_TOWN: 'LONDON',
    POSTCODE: 'SW1A 2AA',
  },
];
const osPlaces = fakeOsPlaces(apiKey, dpas);

let sample: TestApp;
let os: TestApp;
let wrongKey: TestApp;
beforeAll(async () => {
  [sample, os, wrongKey] = await Promise.all([
    createTestApp(),
    createTestApp({
      env: {
        ADDRESS_LOOKUP: 'os-places',
        OS_PLACES_API_KEY: apiKey,
        ADDRESS_LOOKUP_TIMEOUT_MS: '300',
      },
    }),
    createTestApp({
      env: {
        ADDRESS_LOOKUP: 'os-places',
        OS_PLACES_API_KEY: 'a-key-os-does-not-know',
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([sample.close(), os.close(), wrongKey.close()]);
});

const lookUp = (t: TestApp, postcode: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/address-lookup?postcode=${encodeURIComponent(postcode)}`,
  });

describe('GET /api/address-lookup with the sample gazetteer (the default)', () => {
  it('lists the addresses at a postcode however it is typed, each with a UPRN', async () => {
    const res = await lookUp(sample, 'nb27qt');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      postcode: string;
      addresses: { uprn: string; line1: string }[];
    }>();
    expect(body.postcode).toBe('NB2 7QT');
    expect(body.addresses).toHaveLength(6);
    expect(body.addresses[0]).toEqual({
      uprn: '9000000201',
      line1: 'Flat 1, Orchard House',
      line2: '22 Mill Lane',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
    });
  });

  it('gives an empty list for a postcode with no addresses, and a problem for one that is not real', async () => {
    expect((await lookUp(sample, 'NB9 9ZZ')).json()).toEqual({
      postcode: 'NB9 9ZZ',
      addresses: [],
    });
    const bad = await lookUp(sample, 'not a postcode');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'postcode', message: 'Enter a real postcode' }],
    });
  });

  it('is limited to 30 look-ups a minute from one address', async () => {
    const t = await createTestApp();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i += 1)
        statuses.push(
          (
            await t.app.inject({
              method: 'GET',
              url: '/api/address-lookup?postcode=NB1%204AA',
              remoteAddress: '192.0.2.7',
            })
          ).statusCode,
        );
      expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await sample.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(Object.keys(doc.paths['/api/address-lookup']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '429', '503']),
    );
  });
});

describe('GET /api/address-lookup with OS Places', () => {
  it('reads OS Places DPA records into address lines, in the case people write them', async () => {
    mockServer.use(...osPlaces.handlers);
    osPlaces.state.mode = 'normal';
    const res = await lookUp(os, 'SW1A2AA');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      postcode: 'SW1A 2AA',
      addresses: [
        {
          uprn: '100023336956',
          line1: '10 Downing Street',
          town: 'London',
          postcode: 'SW1A 2AA',
        },
        {
          uprn: '100023336957',
          line1: 'Flat 2, Orchard House',
          line2: '11 Downing Street',
          town: 'London',
          postcode: 'SW1A 2AA',
        },
      ],
    });
    expect((await lookUp(os, 'SW1A 9ZZ')).json()).toEqual({
      postcode: 'SW1A 9ZZ',
      addresses: [],
    });
  });

  it.each([
    ['a refused key (401)', 'normal', () => wrongKey],
    ['a rate limit (429)', 'rate-limited', () => os],
    ['a failure (500)', 'broken', () => os],
    ['no answer in time', 'slow', () => os],
  ] as const)(
    'answers 503 for %s, so the page asks for the address by hand; the key and postcode stay out of the logs',
    async (_what, mode, app) => {
      mockServer.use(...osPlaces.handlers);
      osPlaces.state.mode = mode;
      const res = await lookUp(app(), 'SW1A 2AA');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'unavailable' });
      expect(app().logs()).toContain('address look-up unavailable');
      expect(app().logs()).not.toContain(apiKey);
      expect(app().logs()).not.toContain('SW1A');
    },
  );
});

describe('address look-up on a question page without JavaScript', () => {
  const page = catalogue['someone-died'].pages.find((candidate) => candidate.id === 'last-address');
  if (!page) throw new Error('no last-address page');

  async function onAddressPage(t: TestApp): Promise<Resident> {
    const resident = new Resident(t.app);
    await resident.get('/start');
    await resident.post('/start', [['lifeEvent', 'someone-died']]);
    await resident.post('/someone-died/their-name', [
      ['firstName', 'Mary'],
      ['lastName', 'Jones'],
    ]);
    await resident.post('/someone-died/date-of-birth', [
      ['dateOfBirth.day', '2'],
      ['dateOfBirth.month', '3'],
      ['dateOfBirth.year', '1941'],
    ]);
    await resident.post('/someone-died/date-of-death', [
      ['dateOfDeath.day', '1'],
      ['dateOfDeath.month', '1'],
      ['dateOfDeath.year', '2026'],
    ]);
    await resident.get('/someone-died/their-address');
    return resident;
  }

  async function savedAddress(resident: Resident): Promise<unknown> {
    const model = pageModel(await resident.get('/someone-died/their-address'));
    return model.page === 'question' ? model.props.form.values.lastAddress : undefined;
  }

  it('has one box labelled Postcode, whose hint gives an example the look-up in use finds', async () => {
    mockServer.use(...osPlaces.handlers);
    osPlaces.state.mode = 'normal';
    for (const [t, example] of [
      [sample, 'NB1 4AA'],
      [os, 'SW1A 2AA'],
    ] as const) {
      const resident = await onAddressPage(t);
      const shown = await resident.get('/someone-died/their-address');
      const labels = [...shown.body.matchAll(/<label[^>]*>(.*?)<\/label>/gs)].map((match) => match[1] ?? '');
      expect(labels.filter((label) => /postcode/i.test(label))).toEqual(['Postcode']);
      expect(shown.body.match(/name="lastAddress\.postcode"/g)).toHaveLength(1);
      const model = pageModel(shown);
      expect(model.page === 'question' && model.props.postcodeExample).toBe(example);
      expect(shown.body).toContain(`We will show you the addresses at this postcode. For example, ${example}`);
      const found = pageModel(
        await resident.post('/someone-died/their-address', [
          ['_action', 'find-address:lastAddress'],
          ['lastAddress.postcode', example],
        ]),
      );
      expect(found.page === 'question' && found.props.addressLookup?.lastAddress?.outcome).toBe('found');
      // The error for a postcode that cannot be one gives no example that might not be found.
      const wrong = pageModel(
        await resident.post('/someone-died/their-address', [
          ['_action', 'find-address:lastAddress'],
          ['lastAddress.postcode', 'nope'],
        ]),
      );
      expect(wrong.page === 'question' && wrong.props.form.errors).toEqual([
        { field: 'lastAddress.postcode', message: 'Enter a real postcode' },
      ]);
    }
  });

  it('finds by postcode, fills the boxes from the chosen address, and keeps its UPRN', async () => {
    const resident = await onAddressPage(sample);
    const found = await resident.post('/someone-died/their-address', [
      ['_action', 'find-address:lastAddress'],
      ['lastAddress.postcode', 'nb2 7qt'],
    ]);
    expect(found.statusCode).toBe(200);
    const listed = pageModel(found);
    expect(listed.page === 'question' && listed.props.addressLookup?.lastAddress).toMatchObject({
      postcode: 'NB2 7QT',
      outcome: 'found',
    });
    expect(found.body).toContain('6 addresses found');

    const chosen = pageModel(
      await resident.post('/someone-died/their-address', [
        ['_action', 'choose-address:lastAddress'],
        ['lastAddress.postcode', 'NB2 7QT'],
        ['lastAddress.choice', '9000000205'],
      ]),
    );
    expect(chosen.page === 'question' && chosen.props.form.values.lastAddress).toEqual({
      line1: '24 Mill Lane',
      line2: '',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
      uprn: '9000000205',
    });

    const next = await resident.post(
      '/someone-died/their-address',
      pagePost(page, {
        lastAddress: {
          line1: '24 Mill Lane',
          town: 'Northbridge',
          postcode: 'NB2 7QT',
          uprn: '9000000205',
        },
      }),
    );
    expect(next.statusCode).toBe(303);
    expect(await savedAddress(resident)).toMatchObject({ uprn: '9000000205' });
  });

  it('takes an address chosen from the list then Continue, with no "Use this address" press', async () => {
    const resident = await onAddressPage(sample);
    await resident.post('/someone-died/their-address', [
      ['_action', 'find-address:lastAddress'],
      ['lastAddress.postcode', 'NB2 7QT'],
    ]);
    // What the page posts without JavaScript: the list's choice, and the address boxes left empty.
    const next = await resident.post('/someone-died/their-address', [
      ['lastAddress.postcode', 'NB2 7QT'],
      ['lastAddress.choice', '9000000205'],
      ['lastAddress.line1', ''],
      ['lastAddress.line2', ''],
      ['lastAddress.town', ''],
    ]);
    expect(next.statusCode).toBe(303);
    expect(await savedAddress(resident)).toEqual({
      line1: '24 Mill Lane',
      line2: '',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
      uprn: '9000000205',
    });
  });

  it('keeps a typed address over the list, and a choice not on the list fills nothing', async () => {
    const resident = await onAddressPage(sample);
    const typed = await resident.post('/someone-died/their-address', [
      ['lastAddress.choice', '9000000205'],
      ['lastAddress.line1', '1 Other Road'],
      ['lastAddress.town', 'Elsewhere'],
      ['lastAddress.postcode', 'NB1 4AA'],
    ]);
    expect(typed.statusCode).toBe(303);
    expect(await savedAddress(resident)).toMatchObject({ line1: '1 Other Road', town: 'Elsewhere' });
    const madeUp = await resident.post('/someone-died/their-address', [
      ['lastAddress.postcode', 'NB2 7QT'],
      ['lastAddress.choice', '1234567890'],
    ]);
    expect(madeUp.statusCode).toBe(400);
    expect(madeUp.body).toContain('Enter address line 1');
  });

  it('drops the UPRN when the address was edited after choosing, or the UPRN was made up', async () => {
    const resident = await onAddressPage(sample);
    await resident.post(
      '/someone-died/their-address',
      pagePost(page, {
        lastAddress: {
          line1: '26 Mill Lane',
          town: 'Northbridge',
          postcode: 'NB2 7QT',
          uprn: '9000000205',
        },
      }),
    );
    expect(await savedAddress(resident)).toEqual({
      line1: '26 Mill Lane',
      line2: '',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
    });
  });

  it('asks for a postcode, or to choose, with GOV.UK errors; Enter in a typed address means Continue', async () => {
    const resident = await onAddressPage(sample);
    const missing = await resident.post('/someone-died/their-address', [
      ['_action', 'find-address:lastAddress'],
      ['lastAddress.postcode', ''],
    ]);
    expect(missing.statusCode).toBe(400);
    expect(documentTitle(missing)).toBe('Error: What was their last address? – Tell Us Once');
    expect(pageModel(missing)).toMatchObject({
      props: {
        form: {
          errors: [
            {
              field: 'lastAddress.postcode',
              message: 'Enter a postcode to find the address',
            },
          ],
        },
      },
    });
    const unchosen = await resident.post('/someone-died/their-address', [
      ['_action', 'choose-address:lastAddress'],
      ['lastAddress.postcode', 'NB2 7QT'],
      ['lastAddress.choice', ''],
    ]);
    expect(pageModel(unchosen)).toMatchObject({
      props: {
        form: {
          errors: [
            {
              field: 'lastAddress.choice',
              message: 'Select an address from the list',
            },
          ],
        },
      },
    });
    const typed = await resident.post('/someone-died/their-address', [
      ['_action', 'find-address:lastAddress'],
      ...pagePost(page, {
        lastAddress: { line1: '1 Elm Row', town: 'Leeds', postcode: 'LS1 4AP' },
      }),
    ]);
    expect(typed.statusCode).toBe(303);
  });

  it('says so when nothing is found, and when OS Places cannot answer; typing the address still works', async () => {
    const resident = await onAddressPage(sample);
    const none = pageModel(
      await resident.post('/someone-died/their-address', [
        ['_action', 'find-address:lastAddress'],
        ['lastAddress.postcode', 'NB9 9ZZ'],
      ]),
    );
    expect(none.page === 'question' && none.props.addressLookup?.lastAddress?.outcome).toBe('none');

    mockServer.use(...osPlaces.handlers);
    osPlaces.state.mode = 'rate-limited';
    const onOs = await onAddressPage(os);
    const down = await onOs.post('/someone-died/their-address', [
      ['_action', 'find-address:lastAddress'],
      ['lastAddress.postcode', 'SW1A 2AA'],
    ]);
    expect(down.statusCode).toBe(200);
    expect(down.body).toContain('Sorry, we cannot look up addresses right now');
    // A UPRN the provider cannot confirm is not passed on; the typed address is.
    const typed = await onOs.post(
      '/someone-died/their-address',
      pagePost(page, {
        lastAddress: {
          line1: '10 Downing Street',
          town: 'London',
          postcode: 'SW1A 2AA',
          uprn: '100023336956',
        },
      }),
    );
    expect(typed.statusCode).toBe(303);
    expect(await savedAddress(onOs)).toEqual({
      line1: '10 Downing Street',
      line2: '',
      town: 'London',
      postcode: 'SW1A 2AA',
    });
    osPlaces.state.mode = 'normal';
    await onOs.post(
      '/someone-died/their-address',
      pagePost(page, {
        lastAddress: {
          line1: '10 Downing Street',
          town: 'London',
          postcode: 'SW1A 2AA',
          uprn: '100023336956',
        },
      }),
    );
    expect(await savedAddress(onOs)).toMatchObject({ uprn: '100023336956' });
  });
});
