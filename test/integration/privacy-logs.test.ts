import { Writable } from 'node:stream';
import { catalogue, exampleSubmissions, reachablePages, type LifeEventId } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fakeAgency } from '../support/fake-agency.js';
import { personalValues } from '../support/personal-values.js';
import { answerEveryPage, pagePost, Resident } from '../support/resident.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { outsideServices } from '../support/outside-services.js';

// Council accepts; the NHS fails once (500) then accepts; housing refuses (400). Jobcentre reads its inbox.
const fakes = {
  council: fakeAgency('council'),
  'gp-practice': fakeAgency('gp-practice', (n) => (n === 1 ? { status: 500 } : 'accept')),
  'housing-provider': fakeAgency('housing-provider', () => ({ status: 400 })),
};
const env = {
  ...fakes.council.env,
  ...fakes['gp-practice'].env,
  ...fakes['housing-provider'].env,
  LOG_LEVEL: 'debug',
  OUTBOX_RELAY_INTERVAL_MS: '20',
  DELIVERY_RETRY_BASE_MS: '40',
  DELIVERY_RETRY_MAX_MS: '100',
} as Record<string, string>;
outsideServices({ handlers: Object.values(fakes).map((fake) => fake.handler) });
const workerLines: string[] = [];
let t: TestApp;
let worker: RunningWorker;

beforeAll(async () => {
  t = await createTestApp({ env });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      workerLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env), { logStream });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const used: LifeEventId[] = ['someone-died', 'baby-born', 'change-in-work-or-income'];

describe('logs', () => {
  it('never hold a personal value, whatever the flow: journeys, API, deliveries, failures, staff, agencies, erasure', async () => {
    // A resident's journey, with a validation error on the way, sent through the declaration.
    const resident = new Resident(t.app);
    const died = exampleSubmissions['someone-died'];
    const pages = reachablePages(catalogue['someone-died'], died.answers);
    const idPage = pages.find((page) => page.fields.some((field) => field.name === 'nhsNumber'));
    await resident.get('/start');
    await resident.post('/start', [['lifeEvent', 'someone-died']]);
    if (idPage)
      expect(
        (
          await resident.post(`/someone-died/${idPage.path}`, [
            ...pagePost(idPage, died.answers).filter(([name]) => name !== 'nhsNumber'),
            ['nhsNumber', '9434765918'],
          ])
        ).statusCode,
      ).toBe(400);
    await answerEveryPage(resident, 'someone-died', pages, died.answers);
    await resident.post(
      '/someone-died/who-to-tell',
      died.consent.map((agency) => ['consent', agency] as const),
    );
    const sent = await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    expect(sent.headers.location).toBe('/someone-died/confirmation');

    // The API: a good submission with a key, a refused one, a bad tracking secret.
    const baby = await submitConfirmed(t.app, exampleSubmissions['baby-born'], {
      'idempotency-key': 'logs-test-key-0001',
    });
    expect(baby.statusCode).toBe(201);
    const bad = {
      ...exampleSubmissions['change-in-work-or-income'],
      answers: { ...exampleSubmissions['change-in-work-or-income'].answers, nationalInsuranceNumber: 'AB123456Z' },
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/submissions', payload: bad })).statusCode).toBe(400);
    const work = await submitConfirmed(t.app, exampleSubmissions['change-in-work-or-income']);
    const { reference } = work.json<{ reference: string }>();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/submissions/${reference}/status`,
          headers: { 'tracking-secret': 'wrong' },
        })
      ).statusCode,
    ).toBe(404);

    // Deliveries by webhook, with a retry and a refusal.
    await waitFor(
      async () => {
        const open = await t.database.db
          .selectFrom('deliveries')
          .select('id')
          .where('status', 'in', ['queued', 'sending'])
          .execute();
        return open.length === 0 ? true : undefined;
      },
      30_000,
      'deliveries to settle',
    );
    expect(fakes['gp-practice'].requests()).toBeGreaterThan(1);

    // An agency reads its inbox, acknowledges and actions.
    const { key } = await createApiKey(
      t.database.db,
      await fallbackOrganisation(t.database.db, 'jobcentre'),
      'Jobcentre system',
    );
    const headers = { authorization: `Bearer ${key}` };
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/agency/notifications', headers })).json<{
      notifications: { id: string }[];
    }>();
    const first = inbox.notifications[0]?.id ?? '';
    await t.app.inject({ method: 'POST', url: `/api/agency/notifications/${first}/acknowledge`, headers });
    await t.app.inject({
      method: 'POST',
      url: `/api/agency/notifications/${first}/actioned`,
      headers,
      payload: { outcome: 'Claim updated' },
    });

    // Staff search (each kind of term), view, add a note; an admin exports and erases.
    const adviser = new StaffClient(t.app);
    await adviser.signIn(await createTestStaff(t.database.db, 'adviser'));
    await adviser.api('GET', '/api/staff/search?name=Margaret&postcode=LS1%204AP');
    await adviser.page(
      '/staff/search?dateOfBirth.day=27&dateOfBirth.month=3&dateOfBirth.year=1941&nhsNumber=943%20476%205919',
    );
    await adviser.api('GET', '/api/staff/search?niNumber=AB123456C');
    await adviser.api('GET', '/api/staff/search?nhsNumber=12345');
    await adviser.page(`/staff/submissions/${reference}`);
    await adviser.api('POST', `/api/staff/submissions/${reference}/notes`, { body: 'Spoke to Tomasz Nowak' });
    const admin = new StaffClient(t.app);
    await admin.signIn(await createTestStaff(t.database.db, 'admin'));
    expect((await admin.api('GET', `/api/admin/submissions/${reference}/export`)).statusCode).toBe(200);
    await admin.page(`/staff/submissions/${reference}/export`);
    expect(
      (await admin.api('POST', `/api/admin/submissions/${reference}/erase`, { reason: 'Asked by Tomasz Nowak' }))
        .statusCode,
    ).toBe(200);

    const logs = t.logs() + workerLines.join('');
    // The logs are real and detailed: requests, deliveries and the refusal are in them.
    expect(logs).toContain('/api/staff/search');
    expect(logs).toContain('delivery outcomes recorded');
    for (const lifeEvent of used) {
      for (const value of personalValues(lifeEvent, exampleSubmissions[lifeEvent].answers))
        expect(logs, `${lifeEvent}: ${value}`).not.toContain(value);
    }
    for (const value of ['9434765918', 'AB123456Z', 'Tomasz Nowak', 'logs-test-key-0001'])
      expect(logs).not.toContain(value);
  });
});
