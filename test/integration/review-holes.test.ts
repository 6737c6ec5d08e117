import { exampleSubmissions } from '@tuo/shared';
import { addressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel, Resident } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function storedAnswers(reference: string): Promise<Record<string, unknown>> {
  const row = await t.database.db
    .selectFrom('submissions')
    .select('envelope')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return (row.envelope as { answers: Record<string, unknown> }).answers;
}

describe('POST /api/submissions and UPRNs', () => {
  it('keeps a UPRN the look-up lists with the same lines, and drops a made-up or mismatched one', async () => {
    const example = exampleSubmissions['moving-home'];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: {
        ...example,
        answers: {
          ...example.answers,
          // The sample gazetteer lists 9000000205 as 24 Mill Lane, Northbridge, NB2 7QT.
          newAddress: { line1: '24 mill lane', town: 'Northbridge', postcode: 'nb2 7qt', uprn: '9000000205' },
          oldAddress: { line1: '26 Mill Lane', town: 'Northbridge', postcode: 'NB2 7QT', uprn: '9000000205' },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const answers = await storedAnswers(res.json<{ reference: string }>().reference);
    expect(answers.newAddress).toMatchObject({ line1: '24 mill lane', uprn: '9000000205' });
    expect(answers.oldAddress).toEqual({ line1: '26 Mill Lane', town: 'Northbridge', postcode: 'NB2 7QT' });

    const madeUp = await t.app.inject({ method: 'POST', url: '/api/submissions', payload: example });
    expect(madeUp.statusCode).toBe(201);
    // The example's UPRN is not in the sample gazetteer: the address goes, its UPRN does not.
    const kept = await storedAnswers(madeUp.json<{ reference: string }>().reference);
    expect(kept.newAddress).toEqual({ line1: '45 High Street', town: 'Bristol', postcode: 'BS1 2AW' });
  });
});

describe('Cache-Control on the API', () => {
  it('is no-store on every /api answer, errors included, and only there', async () => {
    const requests = [
      { method: 'GET', url: '/api/openapi.json' },
      { method: 'GET', url: '/api/address-lookup?postcode=NB1%204AA' },
      { method: 'GET', url: '/api/address-lookup?postcode=nope' },
      { method: 'POST', url: '/api/submissions', payload: exampleSubmissions['someone-died'] },
      { method: 'POST', url: '/api/submissions', payload: { lifeEvent: 'someone-died' } },
      { method: 'GET', url: '/api/submissions/TUO-0000-0000/status', headers: { 'tracking-secret': 'x' } },
      { method: 'GET', url: '/api/performance?period=90d' },
      { method: 'GET', url: '/api/staff/session' },
      { method: 'GET', url: '/api/agency/notifications' },
      { method: 'GET', url: '/api/nothing-here' },
    ] as const;
    const statuses = new Set<number>();
    for (const request of requests) {
      const res = await t.app.inject(request);
      statuses.add(res.statusCode);
      expect(res.headers['cache-control'], `${request.method} ${request.url}`).toBe('no-store');
    }
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 400, 401, 404]));
    // The performance page itself may still be kept a minute by the reader's own browser.
    expect((await t.app.inject({ method: 'GET', url: '/performance' })).headers['cache-control']).toBe(
      'private, max-age=60',
    );
  });
});

describe('address look-ups without JavaScript', () => {
  async function onAddressPage(app: TestApp): Promise<Resident> {
    const resident = new Resident(app.app);
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
    return resident;
  }

  it('share the API look-up limit: 30 a minute from one address, however they are made', async () => {
    const own = await createTestApp();
    try {
      const resident = await onAddressPage(own);
      const find = () =>
        resident.post('/someone-died/their-address', [
          ['_action', 'find-address:lastAddress'],
          ['lastAddress.postcode', 'NB2 7QT'],
        ]);
      const api = () => own.app.inject({ method: 'GET', url: '/api/address-lookup?postcode=NB1%204AA' });
      for (let i = 0; i < 20; i += 1) expect((await api()).statusCode).toBe(200);
      for (let i = 0; i < 10; i += 1) expect((await find()).statusCode).toBe(200);

      const refused = await find();
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const model = pageModel(refused);
      expect(model.page === 'question' && model.props.form.errors).toEqual([
        { field: 'lastAddress.postcode', message: addressLookupMessages.tooManyLookups },
      ]);
      const chosen = await resident.post('/someone-died/their-address', [
        ['_action', 'choose-address:lastAddress'],
        ['lastAddress.postcode', 'NB2 7QT'],
        ['lastAddress.choice', '9000000205'],
      ]);
      expect(chosen.statusCode).toBe(429);
      expect((await api()).statusCode).toBe(429);

      // Typing the address by hand still works.
      const typed = await resident.post('/someone-died/their-address', [
        ['lastAddress.line1', '24 Mill Lane'],
        ['lastAddress.town', 'Northbridge'],
        ['lastAddress.postcode', 'NB2 7QT'],
      ]);
      expect(typed.statusCode).toBe(303);
    } finally {
      await own.close();
    }
  });
});
