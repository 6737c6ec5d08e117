import { randomUUID } from 'node:crypto';
import type { JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoveExpiredRecordsTask } from '../../server/src/jobs/remove-expired-records-task.js';
import { fakeNotify } from '../support/fake-notify.js';
import { catalogue, exampleSubmissions, reachablePages } from '@tuo/shared';
import { documentTitle, pageModel, pagePost, Resident } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { outsideServices } from '../support/outside-services.js';

const mockServer = outsideServices();

const notify = fakeNotify();
const templates = { email: randomUUID(), sms: randomUUID() };
const notifyEnv = {
  OUTBOX_RELAY_INTERVAL_MS: '20',
  NOTIFY_API_KEY: notify.apiKey,
  NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
  NOTIFY_SAVED_FORM_EMAIL_TEMPLATE_ID: templates.email,
  NOTIFY_SAVED_FORM_SMS_TEMPLATE_ID: templates.sms,
  // Over plain http: inject() makes no TLS connection, so a Secure session cookie would never be set.
  PUBLIC_URL: 'http://tell-us-once.example.gov.uk',
};

let plain: TestApp;
let withNotify: TestApp;
beforeAll(async () => {
  [plain, withNotify] = await Promise.all([createTestApp(), createTestApp({ env: notifyEnv })]);
});
afterAll(async () => {
  await Promise.all([plain.close(), withNotify.close()]);
});

/** Answers the first two pages of "someone died", types half of the third, and presses "Save and come back later". */
async function answerSomeAndSave(t: TestApp): Promise<Resident> {
  const resident = new Resident(t.app);
  await resident.get('/start');
  await resident.post('/start', [['lifeEvent', 'someone-died']]);
  expect(
    (
      await resident.post('/someone-died/their-name', [
        ['firstName', 'Mary'],
        ['lastName', "O'Brien"],
      ])
    ).statusCode,
  ).toBe(303);
  expect(
    (
      await resident.post('/someone-died/date-of-birth', [
        ['dateOfBirth.day', '2'],
        ['dateOfBirth.month', '3'],
        ['dateOfBirth.year', '1941'],
      ])
    ).statusCode,
  ).toBe(303);
  const saved = await resident.post('/someone-died/date-of-death', [
    ['dateOfDeath.day', '40'],
    ['_action', 'save'],
  ]);
  expect(saved.statusCode).toBe(303);
  expect(saved.headers.location).toBe('/someone-died/save?from=date-of-death');
  await resident.get(saved.headers.location ?? '');
  return resident;
}

/** A fresh browser (no session) that opens the start of "return to a saved form". */
async function freshResident(t: TestApp, url = '/return'): Promise<Resident> {
  const resident = new Resident(t.app);
  await resident.get(url);
  return resident;
}

async function restoredFirstName(resident: Resident): Promise<unknown> {
  const page = pageModel(await resident.get('/someone-died/their-name'));
  return page.page === 'question' ? page.props.form.values.firstName : undefined;
}

describe('save and come back later with a code', () => {
  it('offers only a code when GOV.UK Notify is not set up, with nothing to choose', async () => {
    const resident = await answerSomeAndSave(plain);
    const response = await resident.get('/someone-died/save?from=date-of-death');
    const page = pageModel(response);
    expect(page.page === 'save-form' && page.props.methods).toEqual(['code']);
    expect(documentTitle(response)).toBe('Save your answers to come back later – Tell Us Once');
    // One way only: no radio to tick, just the button (which posts the code method itself).
    expect(response.body).not.toContain('type="radio"');
    expect(response.body).toContain('<input type="hidden" name="method" value="code"/>');
    const refused = await resident.post('/someone-died/save?from=date-of-death', [
      ['method', 'email'],
      ['email', 'a@example.com'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(documentTitle(refused)).toBe('Error: Save your answers to come back later – Tell Us Once');
  });

  it('restores the answers into a new session, back where the resident left off, once', async () => {
    const resident = await answerSomeAndSave(plain);
    const saved = pageModel(await resident.post('/someone-died/save?from=date-of-death', [['method', 'code']]));
    if (saved.page !== 'saved-form' || saved.props.outcome.kind !== 'code')
      throw new Error(`expected a code, got ${saved.page}`);
    const { code } = saved.props.outcome;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    // Answers stay on the server: the table holds no code, only a keyed hash of it.
    const row = await plain.database.db
      .selectFrom('saved_journeys')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code.replace('-', ''));
    // The date of birth rests sealed, as it does wherever else it rests.
    expect(JSON.stringify(row.answers)).not.toContain('1941');
    expect(JSON.stringify(row.answers)).toContain('pv1.');
    expect(row.token_hash).toBeNull();
    expect(row).toMatchObject({
      life_event: 'someone-died',
      page_id: 'date-of-death',
    });

    const other = await freshResident(plain);
    // Typed in lower case, with a space and O for 0: still the code.
    const typed = code.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    const restored = await other.post('/return', [['code', typed]]);
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe('/someone-died/date-of-death');
    expect(await restoredFirstName(other)).toBe('Mary');
    expect((await other.get('/someone-died/date-of-birth')).body).toContain('value="1941"');
    // Once used, the row keeps no answers and the code is spent.
    const used = await plain.database.db
      .selectFrom('saved_journeys')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(used.answers).toBeNull();
    expect(used.used_at).not.toBeNull();
    const again = await (await freshResident(plain)).post('/return', [['code', code]]);
    expect(again.statusCode).toBe(410);
    expect(pageModel(again)).toMatchObject({
      page: 'saved-form-unavailable',
      props: { reason: 'used' },
    });
  });

  it('says what is wrong with a missing or malformed code, without counting it as a guess', async () => {
    const resident = await freshResident(plain);
    const missing = await resident.post('/return', [['code', '']]);
    expect(missing.statusCode).toBe(400);
    // Without the code, starting again is one link away.
    expect(missing.body).toMatch(
      /saved answers back\.(?:<!-- -->)? <a class="govuk-link" href="\/start">Start again<\/a>/,
    );
    expect(pageModel(missing)).toMatchObject({
      page: 'return-to-form',
      props: {
        form: { errors: [{ field: 'code', message: 'Enter your code' }] },
      },
    });
    const malformed = await resident.post('/return', [['code', 'ABC']]);
    expect(pageModel(malformed)).toMatchObject({
      props: {
        form: {
          errors: [
            {
              field: 'code',
              message: 'Enter the code as it was shown to you, like 7K3MQ-9Q2MX',
            },
          ],
        },
      },
    });
    const failures = await plain.database.db.selectFrom('saved_journey_code_failures').selectAll().execute();
    expect(failures).toEqual([]);
  });
});

describe('a saved form whose report has been sent', () => {
  const journey = catalogue['someone-died'];
  const { answers } = exampleSubmissions['someone-died'];

  /** Answers every page and sends the report from this session; gives its reference. */
  async function finishAndSend(resident: Resident): Promise<string> {
    for (const page of reachablePages(journey, answers))
      expect((await resident.post(`/someone-died/${page.path}`, pagePost(page, answers))).statusCode).toBe(303);
    await resident.get('/someone-died/who-to-tell');
    expect((await resident.post('/someone-died/who-to-tell', [['tellAll', 'all']])).statusCode).toBe(303);
    await resident.get('/someone-died/declaration');
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const confirmation = pageModel(await resident.get('/someone-died/confirmation'));
    if (confirmation.page !== 'confirmation') throw new Error(confirmation.page);
    return confirmation.props.reference;
  }

  async function saveWithCode(resident: Resident): Promise<string> {
    const saved = pageModel(await resident.post('/someone-died/save?from=date-of-death', [['method', 'code']]));
    if (saved.page !== 'saved-form' || saved.props.outcome.kind !== 'code') throw new Error(saved.page);
    return saved.props.outcome.code;
  }

  it('is spent once the resident carries on and sends it: the code says where to track it', async () => {
    const resident = await answerSomeAndSave(plain);
    const code = await saveWithCode(resident);
    const reference = await finishAndSend(resident);
    const returned = await (await freshResident(plain)).post('/return', [['code', code]]);
    expect(returned.statusCode).toBe(410);
    expect(pageModel(returned)).toMatchObject({
      page: 'saved-form-unavailable',
      props: { reason: 'submitted', reference },
    });
    expect(documentTitle(returned)).toBe('This report has already been sent – Tell Us Once');
    expect(returned.body).toContain(`href="/track?reference=${reference}"`);
    // Nothing is left to restore: the saved answers are gone, the reference kept.
    const row = await plain.database.db
      .selectFrom('saved_journeys')
      .select(['answers', 'submitted_reference'])
      .where('submitted_reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.answers).toBeNull();
  });

  it('is spent when the report is sent from the browser it was restored into', async () => {
    const code = await saveWithCode(await answerSomeAndSave(plain));
    const other = await freshResident(plain);
    expect((await other.post('/return', [['code', code]])).statusCode).toBe(303);
    const reference = await finishAndSend(other);
    const again = await (await freshResident(plain)).post('/return', [['code', code]]);
    expect(pageModel(again)).toMatchObject({ props: { reason: 'submitted', reference } });
  });
});

describe('wrong codes', () => {
  it('are refused with a field error, then after ten from one address even a right code waits', async () => {
    const t = await createTestApp();
    try {
      const owner = await answerSomeAndSave(t);
      const saved = pageModel(await owner.post('/someone-died/save?from=date-of-death', [['method', 'code']]));
      const code = saved.page === 'saved-form' && saved.props.outcome.kind === 'code' ? saved.props.outcome.code : '';
      const guesser = await freshResident(t);
      for (let guess = 0; guess < 10; guess += 1) {
        const wrong = await guesser.post('/return', [['code', `ZZZZZ-ZZZ${String(guess).padStart(2, '0')}`]]);
        expect(wrong.statusCode).toBe(400);
        expect(pageModel(wrong)).toMatchObject({
          props: {
            form: {
              errors: [
                {
                  field: 'code',
                  message: 'We cannot find a saved form with this code. Check it and try again',
                },
              ],
            },
          },
        });
      }
      const blocked = await guesser.post('/return', [['code', code]]);
      expect(blocked.statusCode).toBe(429);
      expect(pageModel(blocked)).toMatchObject({
        page: 'saved-form-unavailable',
        props: { reason: 'too-many-tries' },
      });
      // The saved form itself is untouched, for when the hour has passed.
      const row = await t.database.db.selectFrom('saved_journeys').select(['used_at']).executeTakeFirstOrThrow();
      expect(row.used_at).toBeNull();
      expect(t.logs()).not.toContain(code);
    } finally {
      await t.close();
    }
  });
});

describe('save and come back later with a link', () => {
  it('sends a one-time link by email and by text through GOV.UK Notify; the job carries only an id', async () => {
    mockServer.use(...notify.handlers);
    let worker: Awaited<ReturnType<typeof startTestWorker>> | undefined;
    try {
      const resident = await answerSomeAndSave(withNotify);
      const page = pageModel(await resident.get('/someone-died/save?from=date-of-death'));
      expect(page.page === 'save-form' && page.props.methods).toEqual(['email', 'sms', 'code']);
      const missing = await resident.post('/someone-died/save?from=date-of-death', [
        ['method', 'sms'],
        ['phone', ''],
      ]);
      expect(pageModel(missing)).toMatchObject({
        props: {
          form: {
            errors: [{ field: 'phone', message: 'Enter your mobile phone number' }],
          },
        },
      });
      const sent = pageModel(
        await resident.post('/someone-died/save?from=date-of-death', [
          ['method', 'email'],
          ['email', 'Mary.Reporter@Example.com'],
        ]),
      );
      expect(sent).toMatchObject({
        page: 'saved-form',
        props: { outcome: { kind: 'sent', channel: 'email' } },
      });
      await resident.post('/someone-died/save?from=date-of-death', [
        ['method', 'sms'],
        ['phone', '07700 900 982'],
      ]);
      // Queued in the same transaction, through the outbox: the job names the saved form and nothing else.
      const outbox = await withNotify.database.db.selectFrom('outbox').select(['task', 'payload']).execute();
      const ids = (
        await withNotify.database.db
          .selectFrom('saved_journeys')
          .select('id')
          .where('send_channel', 'is not', null)
          .execute()
      ).map((row) => row.id);
      expect(outbox).toEqual(
        expect.arrayContaining(
          ids.map((id) => ({
            task: 'send_saved_form_link',
            payload: { savedJourneyId: id },
          })),
        ),
      );
      worker = await startTestWorker(withNotify.database, testConfig(withNotify.database.url, notifyEnv));

      const rows = await waitFor(async () => {
        const found = await withNotify.database.db
          .selectFrom('saved_journeys')
          .selectAll()
          .where('send_channel', 'is not', null)
          .execute();
        return found.length === 2 && found.every((row) => row.send_status === 'sent') ? found : undefined;
      });
      // Once sent, the address is forgotten; the token is kept only as a hash.
      expect(rows.every((row) => row.send_to === null && row.token_hash !== null)).toBe(true);
      const email = notify.sent.find((message) => message.templateId === templates.email);
      expect(email).toMatchObject({
        type: 'email',
        to: 'Mary.Reporter@example.com',
        personalisation: { life_event: 'Someone has died' },
      });
      expect(notify.sent.find((message) => message.templateId === templates.sms)).toMatchObject({
        type: 'sms',
        to: '+447700900982',
      });
      const link = new URL(email?.personalisation.link ?? '');
      expect(link.origin + link.pathname).toBe('http://tell-us-once.example.gov.uk/return');
      const token = link.searchParams.get('token') ?? '';
      expect(rows.map((row) => row.token_hash)).not.toContain(token);

      // Opening the link (as a mail scanner would) does not use it up; the button does.
      const other = await freshResident(withNotify, `/return?token=${token}`);
      expect(pageModel(await other.get(`/return?token=${token}`))).toMatchObject({
        page: 'return-to-form',
        props: { by: 'link' },
      });
      const restored = await other.post('/return/link', [['token', token]]);
      expect(restored.statusCode).toBe(303);
      expect(restored.headers.location).toBe('/someone-died/date-of-death');
      expect(await restoredFirstName(other)).toBe('Mary');

      const reused = await other.get(`/return?token=${token}`);
      expect(reused.statusCode).toBe(410);
      expect(pageModel(reused)).toMatchObject({ page: 'saved-form-unavailable' });
      expect(documentTitle(reused)).toBe('This link or code has already been used – Tell Us Once');
      expect((await other.post('/return/link', [['token', token]])).statusCode).toBe(410);
      expect(withNotify.logs()).not.toContain(token);
      expect(withNotify.logs()).not.toContain('Mary.Reporter');
    } finally {
      await worker?.stop();
    }
  });

  it('does not open after it has expired: a clear page, not an error', async () => {
    const resident = await answerSomeAndSave(plain);
    const saved = pageModel(await resident.post('/someone-died/save?from=date-of-death', [['method', 'code']]));
    const code = saved.page === 'saved-form' && saved.props.outcome.kind === 'code' ? saved.props.outcome.code : '';
    await plain.database.db
      .updateTable('saved_journeys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    const expired = await (await freshResident(plain)).post('/return', [['code', code]]);
    expect(expired.statusCode).toBe(410);
    expect(pageModel(expired)).toMatchObject({
      page: 'saved-form-unavailable',
      props: { reason: 'expired' },
    });
    expect(documentTitle(expired)).toBe('This link or code has run out – Tell Us Once');
    const unknownLink = await (await freshResident(plain)).get('/return?token=not-a-token-we-made');
    expect(pageModel(unknownLink)).toMatchObject({
      page: 'saved-form-unavailable',
      props: { reason: 'expired' },
    });
  });

  it('lasts the configured number of days', async () => {
    const t = await createTestApp({ env: { SAVED_FORM_DAYS: '3' } });
    try {
      const resident = await answerSomeAndSave(t);
      const before = Date.now();
      await resident.post('/someone-died/save?from=date-of-death', [['method', 'code']]);
      const row = await t.database.db.selectFrom('saved_journeys').select(['expires_at']).executeTakeFirstOrThrow();
      expect(row.expires_at.getTime() - before).toBeGreaterThan(3 * 24 * 3600 * 1000 - 60_000);
      expect(row.expires_at.getTime() - before).toBeLessThan(3 * 24 * 3600 * 1000 + 60_000);
    } finally {
      await t.close();
    }
  });
});

describe('the hourly clean-up', () => {
  it('deletes saved forms past their time, used or not, and keeps the rest', async () => {
    const t = await createTestApp();
    try {
      const { db } = t.database;
      const past = new Date(Date.now() - 60_000);
      const future = new Date(Date.now() + 3600_000);
      await db
        .insertInto('saved_journeys')
        .values([
          {
            life_event: 'someone-died',
            page_id: 'name',
            answers: '{"answers":{}}',
            code_hash: 'a',
            expires_at: past,
          },
          {
            life_event: 'someone-died',
            page_id: 'name',
            answers: null,
            code_hash: 'b',
            expires_at: past,
            used_at: past,
          },
          {
            life_event: 'someone-died',
            page_id: 'name',
            answers: '{"answers":{}}',
            code_hash: 'c',
            expires_at: future,
          },
        ])
        .execute();
      await db
        .insertInto('saved_journey_code_failures')
        .values([{ key: 'address:x', at: new Date(Date.now() - 2 * 3600_000) }, { key: 'address:y' }])
        .execute();
      const task = createRemoveExpiredRecordsTask({ db });
      await task({}, {
        logger: { info: () => undefined },
      } as unknown as JobHelpers);
      expect((await db.selectFrom('saved_journeys').select('code_hash').execute()).map((row) => row.code_hash)).toEqual(
        ['c'],
      );
      expect(
        (await db.selectFrom('saved_journey_code_failures').select('key').execute()).map((row) => row.key),
      ).toEqual(['address:y']);
    } finally {
      await t.close();
    }
  });
});
