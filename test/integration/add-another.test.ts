import { catalogue, exampleSubmissions, getPage, reachablePages, type Answers } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payloadRows } from '../../server/src/agency-portal/payload-rows.js';
import {
  answerEveryPage,
  confirmOnPage,
  pageModel,
  pagePost,
  Resident,
  summaryListRows,
  type FormPairs,
} from '../support/resident.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';

const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };
let t: TestApp;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestApp({ env });
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
});

const journey = catalogue['moving-home'];
const url = '/moving-home/people-moving-with-you';
const people = [
  { fullName: 'Piotr Kowalski', dateOfBirth: '1988-04-12' },
  { fullName: 'Zofia Kowalska', dateOfBirth: '2019-09-01' },
];
// Typed in by hand: an address entered without the look-up has no UPRN.
const answers: Answers = {
  ...exampleSubmissions['moving-home'].answers,
  newAddress: { line1: '45 High Street', town: 'Bristol', postcode: 'BS1 2AW' },
  peopleMoving: people,
};

/** A form post of rows as typed: `[name, day, month, year]` each. */
function rows(...typed: [string, string, string, string][]): FormPairs {
  return typed.flatMap(([fullName, day, month, year], index) => [
    [`peopleMoving.${String(index)}.fullName`, fullName],
    [`peopleMoving.${String(index)}.dateOfBirth.day`, day],
    [`peopleMoving.${String(index)}.dateOfBirth.month`, month],
    [`peopleMoving.${String(index)}.dateOfBirth.year`, year],
  ]);
}

function shownRows(response: Awaited<ReturnType<Resident['get']>>): unknown {
  const model = pageModel(response);
  if (model.page !== 'question') throw new Error(`Expected a question page, got ${model.page}`);
  return model.props.form.values.peopleMoving;
}

/** A resident on the people page of moving home, having said they move with others. */
async function onPeoplePage(): Promise<Resident> {
  const resident = new Resident(t.app);
  const before = reachablePages(journey, answers).slice(0, 2);
  await answerEveryPage(resident, 'moving-home', before, answers);
  expect((await resident.get(url)).statusCode).toBe(200);
  return resident;
}

describe('people moving together (the add-another page kind) without JavaScript', () => {
  it('adds a blank row, removes a row, and keeps the rows typed so far in the session, sealed', async () => {
    const resident = await onPeoplePage();
    expect(shownRows(await resident.get(url))).toEqual([
      { fullName: '', dateOfBirth: { day: '', month: '', year: '' } },
    ]);
    const added = await resident.post(url, [...rows(['Piotr Kowalski', '12', '4', '1988']), ['_action', 'add-person']]);
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Person 2');
    expect(shownRows(added)).toEqual([
      { fullName: 'Piotr Kowalski', dateOfBirth: { day: '12', month: '4', year: '1988' } },
      { fullName: '', dateOfBirth: { day: '', month: '', year: '' } },
    ]);
    // Coming back to the page shows the same rows: the server kept them.
    expect(shownRows(await resident.get(url))).toEqual(shownRows(added));
    const removed = await resident.post(url, [
      ...rows(
        ['Piotr Kowalski', '12', '4', '1988'],
        ['Nobody', '1', '1', '2000'],
        ['Zofia Kowalska', '1', '9', '2019'],
      ),
      ['_action', 'remove-1'],
    ]);
    expect(shownRows(removed)).toEqual([
      { fullName: 'Piotr Kowalski', dateOfBirth: { day: '12', month: '4', year: '1988' } },
      { fullName: 'Zofia Kowalska', dateOfBirth: { day: '1', month: '9', year: '2019' } },
    ]);
    expect(removed.body).not.toContain('Nobody');
    // The rows wait sealed: neither a name nor a date of birth is in the session row in clear.
    const sessions = JSON.stringify(await t.database.db.selectFrom('sessions').select('data').execute());
    expect(sessions).not.toContain('Zofia');
    expect(sessions).not.toContain('2019');
  });

  it('shows a bad row its errors, naming it, and loses nothing typed', async () => {
    const resident = await onPeoplePage();
    const typed = rows(['Piotr Kowalski', '12', '4', '1988'], ['', '31', '2', '2019'], ['Zofia <b>', '1', '9', '2019']);
    const refused = await resident.post(url, typed);
    expect(refused.statusCode).toBe(400);
    const model = pageModel(refused);
    if (model.page !== 'question') throw new Error('Expected the question page again');
    expect(model.props.form.errors).toEqual([
      { field: 'peopleMoving.1.fullName', message: 'Enter the full name of person 2' },
      {
        field: 'peopleMoving.1.dateOfBirth',
        message: 'Date of birth of person 2 must be a real date',
        parts: ['day', 'month', 'year'],
      },
      {
        field: 'peopleMoving.2.fullName',
        message: 'Full name of person 3 must only include letters, spaces, hyphens and apostrophes',
      },
    ]);
    expect(model.props.form.values.peopleMoving).toEqual([
      { fullName: 'Piotr Kowalski', dateOfBirth: { day: '12', month: '4', year: '1988' } },
      { fullName: '', dateOfBirth: { day: '31', month: '2', year: '2019' } },
      { fullName: 'Zofia <b>', dateOfBirth: { day: '1', month: '9', year: '2019' } },
    ]);
    expect(refused.body).toContain('href="#peopleMoving-1-fullName"');
    expect(refused.body).toContain('id="peopleMoving-1-fullName"');
    // Nothing of a page that failed is kept as an answer.
    const check = await resident.get('/moving-home/check-answers');
    expect(check.headers.location).toBe(url);
  });

  it('tells the GP practice and the council about each person, one summary row each', async () => {
    const resident = await onPeoplePage();
    const accepted = await resident.post(url, pagePost(getPage(journey, 'people-moving'), answers));
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/moving-home/old-address');
    for (const page of reachablePages(journey, answers).slice(3))
      expect((await resident.post(`/moving-home/${page.path}`, pagePost(page, answers))).statusCode).toBe(303);
    const check = await resident.get('/moving-home/check-answers');
    const shown = summaryListRows(check);
    expect(shown.filter((row) => row.key.startsWith('Person '))).toEqual([
      { key: 'Person 1', lines: ['Piotr Kowalski, born 12 April 1988'] },
      { key: 'Person 2', lines: ['Zofia Kowalska, born 1 September 2019'] },
    ]);
    expect(check.body.match(/href="\/moving-home\/people-moving-with-you\?change=1"/g)).toHaveLength(2);
    await resident.get('/moving-home/who-to-tell');
    await resident.post('/moving-home/who-to-tell', [
      ['consent', 'council'],
      ['consent', 'gp-practice'],
    ]);
    await resident.get('/moving-home/declaration');
    const sent = await resident.post('/moving-home/declaration', [['declaration', 'confirmed']]);
    expect(sent.headers.location).toBe('/moving-home/confirmation');
    const confirmation = pageModel(await confirmOnPage(resident, 'moving-home'));
    if (confirmation.page !== 'confirmation') throw new Error('Expected the confirmation page');
    const submission = await t.database.db
      .selectFrom('submissions')
      .select(['id', 'envelope'])
      .where('reference', '=', confirmation.props.reference)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(submission.envelope);
    expect(stored).toContain('Piotr Kowalski');
    expect(stored).not.toContain('1988-04-12');
    const envelope = testProtectedValues().openEnvelope(submission.envelope);
    expect(envelope.answers.peopleMoving).toEqual(people);
    // Staff find the report by the full name of each person moving.
    const staff = new StaffClient(t.app);
    await staff.signIn(await createTestStaff(t.database.db, 'adviser'));
    for (const name of ['Zofia Kowalska', 'kowalski piotr']) {
      const found = await staff.api('GET', `/api/staff/search?name=${encodeURIComponent(name)}`);
      expect(found.json<{ results: { reference: string }[] }>().results.map((result) => result.reference)).toEqual([
        confirmation.props.reference,
      ]);
    }
    // The real worker sends them (into each organisation's inbox: no webhook is configured here).
    worker = await startTestWorker(t.database, testConfig(t.database.url, env));
    const deliveries = await waitFor(
      async () => {
        const found = await t.database.db
          .selectFrom('deliveries')
          .select(['agency', 'payload'])
          .where('submission_id', '=', submission.id)
          .execute();
        return found.length === 2 && found.every((row) => row.payload !== null) ? found : undefined;
      },
      30_000,
      'both deliveries',
    );
    const payloads = new Map(
      deliveries.map((row) => [row.agency, testProtectedValues().openPayload(row.payload).answers] as const),
    );
    expect(payloads.get('gp-practice')?.peopleMoving).toEqual(people);
    expect(payloads.get('council')?.peopleMoving).toEqual(people);
    // An officer reads (and the CSV exports) one row per person.
    const rowsShown = payloadRows('moving-home', { answers: payloads.get('gp-practice') ?? {} });
    expect(rowsShown.filter((row) => row.label.startsWith('Person moving with them'))).toEqual([
      { label: 'Person moving with them 1', lines: ['Piotr Kowalski, born 12 April 1988'] },
      { label: 'Person moving with them 2', lines: ['Zofia Kowalska, born 1 September 2019'] },
    ]);
  });
});
