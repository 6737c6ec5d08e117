import { catalogue, exampleSubmissions, reachablePages, type AgencyKind, type Answers } from '@tuo/shared';
import type { Organisation } from '@tuo/shared/api/organisations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createOrganisation, setOrganisationEnabled } from '../../server/src/organisations/organisation-repository.js';
import { answerEveryPage, pageModel, Resident, summaryListRows, type FormPairs } from '../support/resident.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { loadSubmissionView } from '../../server/src/staff/submission-view.js';
import { testProtectedValues } from '../support/test-config.js';

// A resident picks their GP practice and landlord from the directory on plain HTML forms: a
// search, then the results as radios, or "I don't know" (the kind's fallback, the council's team).

let t: TestApp;
let riverside: Organisation;
let hilltop: Organisation;
let greenway: Organisation;
let northbridge: Organisation;
let southmere: Organisation;
const system = { type: 'system' } as const;
const journey = catalogue['someone-died'];
const gpPage = '/someone-died/their-gp-practice';
/** The GP practice and landlord rows of the last "Check your answers" shown. */
let shown: string[][] = [];
/** Who the last "Who do you want us to tell?" page said each kind is told through. */
let told: Partial<Record<AgencyKind, string | undefined>> = {};
/** That page as served. */
let toldPage = '';
/** Every answer line of the last report sent, as the staff console shows it. */
let staffLines: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  riverside = await createOrganisation(
    db,
    { kind: 'gp-practice', name: 'Riverside Surgery', code: 'Y90001', areas: [], postcode: 'NB1 4AB' },
    system,
  );
  hilltop = await createOrganisation(
    db,
    { kind: 'gp-practice', name: 'Hilltop Medical Practice', code: 'Y90003', areas: ['NB2'], postcode: 'NB2 8AA' },
    system,
  );
  ({ northbridge, southmere } = await addSampleCouncils(db));
  greenway = await createOrganisation(
    db,
    { kind: 'housing-provider', name: 'Greenway Homes', code: 'L9001', areas: [], postcode: 'NB1 5EF' },
    system,
  );
});
afterAll(async () => {
  await t.close();
});

/** A resident on the GP practice page, every page before it answered. */
async function residentAtGpPage(): Promise<Resident> {
  const resident = new Resident(t.app);
  const answers: Answers = { ...exampleSubmissions['someone-died'].answers };
  const route = reachablePages(journey, answers);
  await answerEveryPage(
    resident,
    'someone-died',
    route.slice(
      0,
      route.findIndex((page) => page.id === 'their-gp-practice'),
    ),
    answers,
  );
  await resident.get(gpPage);
  return resident;
}

async function search(resident: Resident, query: string, extra: FormPairs = []) {
  const response = await resident.post(gpPage, [
    ['gpPractice.search', query],
    ['_action', 'find-organisation:gpPractice'],
    ...extra,
  ]);
  const page = pageModel(response);
  if (page.page !== 'question') throw new Error(`${page.page} ${t.logs().slice(-3000)}`);
  return { response, page };
}

const acacia = { line1: '1 Acacia Avenue', town: 'Northbridge', postcode: 'NB1 4AA', uprn: '9000000101' };

/**
 * Sends the whole journey with these picks, and returns the organisation each kind's delivery goes
 * to. The last address is one the gazetteer places in Northbridge unless a pick says otherwise
 * (one it cannot place would be asked about first: moving-between-councils.test.ts).
 */
async function sendWith(picks: Answers): Promise<Partial<Record<AgencyKind, string[]>>> {
  const answers: Answers = { ...exampleSubmissions['someone-died'].answers, lastAddress: acacia, ...picks };
  const resident = new Resident(t.app);
  await answerEveryPage(resident, 'someone-died', reachablePages(journey, answers), answers);
  const summaryPage = await resident.get('/someone-died/check-answers');
  const summary = pageModel(summaryPage);
  if (summary.page !== 'check-answers') throw new Error(summary.page);
  const questions = journey.pages
    .flatMap((page) => page.fields)
    .filter((field) => ['gpPractice', 'landlord'].includes(field.name))
    .map((field) => field.label);
  shown = summaryListRows(summaryPage)
    .filter((row) => questions.includes(row.key))
    .map((row) => row.lines);
  const whoToTellPage = await resident.get('/someone-died/who-to-tell');
  const whoToTell = pageModel(whoToTellPage);
  if (whoToTell.page !== 'who-to-tell') throw new Error(whoToTell.page);
  told = Object.fromEntries(
    whoToTell.props.options.map((option) => [
      option.agency,
      option.organisationFallback ? 'fallback' : option.organisationName,
    ]),
  );
  toldPage = whoToTellPage.body;
  await resident.post('/someone-died/who-to-tell', [['tellAll', 'all']]);
  await resident.get('/someone-died/declaration');
  const sent = await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
  expect(sent.headers.location).toBe('/someone-died/confirmation');
  const confirmation = pageModel(await resident.get('/someone-died/confirmation'));
  if (confirmation.page !== 'confirmation') throw new Error(confirmation.page);
  const view = await loadSubmissionView(t.database.db, testProtectedValues(), confirmation.props.reference);
  staffLines = view?.view.answers.flatMap((row) => row.lines) ?? [];
  const rows = await t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.agency', 'deliveries.organisation_id'])
    .where('submissions.reference', '=', confirmation.props.reference)
    .execute();
  const byKind: Partial<Record<AgencyKind, string[]>> = {};
  for (const row of rows) (byKind[row.agency] ??= []).push(row.organisation_id);
  return byKind;
}

/** The organisation a death reported through the API at this last address tells for one kind. */
async function toldThroughApi(kind: AgencyKind, lastAddress: Answers[string], consent?: AgencyKind[]): Promise<string> {
  const res = await submitConfirmed(t.app, {
    ...exampleSubmissions['someone-died'],
    answers: { ...exampleSubmissions['someone-died'].answers, lastAddress },
    ...(consent ? { consent } : {}),
  });
  expect(res.statusCode).toBe(201);
  const row = await t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select('deliveries.organisation_id')
    .where('submissions.reference', '=', res.json<{ reference: string }>().reference)
    .where('deliveries.agency', '=', kind)
    .executeTakeFirstOrThrow();
  return row.organisation_id;
}

describe('choosing a GP practice from the directory', () => {
  it('finds practices by name or by postcode, and lists them as radios with "I don\'t know"', async () => {
    const resident = await residentAtGpPage();
    const byName = await search(resident, 'riverside');
    expect(byName.response.statusCode).toBe(200);
    expect(byName.page.props.organisationSearch?.gpPractice?.results.map((r) => r.name)).toEqual(['Riverside Surgery']);
    expect(byName.response.body).toContain(`value="${riverside.id}"`);
    expect(byName.response.body).toContain('value="dont-know"');
    // "I don't know" says who is told instead: the kind's team by what it does, never its directory
    // name (a placeholder such as "GP practices (not yet known)", and in English only).
    expect(byName.response.body).toContain('We will tell an NHS team, who will pass it on');
    expect(byName.response.body).not.toContain('(not yet known)');

    const byPostcode = await search(resident, 'nb2 8aa');
    expect(byPostcode.page.props.organisationSearch?.gpPractice?.results.map((r) => r.name)).toEqual([
      'Hilltop Medical Practice',
    ]);
    const none = await search(resident, 'Nowhere Clinic');
    expect(none.page.props.organisationSearch?.gpPractice?.results).toEqual([]);
    expect(none.response.body).toContain('No results for');
  });

  it('asks for something to search for, GOV.UK style, and refuses an organisation not in the directory', async () => {
    const resident = await residentAtGpPage();
    const empty = await search(resident, '  ');
    expect(empty.response.statusCode).toBe(400);
    expect(empty.page.props.form.errors).toEqual([
      { field: 'gpPractice.search', message: 'Enter a name or postcode to search for' },
    ]);
    expect(empty.response.body).toContain('govuk-error-summary');
    const unknown = await resident.post(gpPage, [['gpPractice', '6c1b1b8e-8a1f-4c39-9a55-1f1d3b8f0a11']]);
    expect(unknown.statusCode).toBe(400);
    expect(pageModel(unknown).page === 'question' && pageModel(unknown).props).toMatchObject({
      form: { errors: [{ field: 'gpPractice', message: "Select their GP practice, or select 'I don't know'" }] },
    });
    const disabled = await createOrganisation(
      t.database.db,
      { kind: 'gp-practice', name: 'Closed Surgery', code: 'Y90009', areas: [] },
      system,
    );
    await setOrganisationEnabled(t.database.db, disabled.id, false, system);
    expect((await search(resident, 'closed')).page.props.organisationSearch?.gpPractice?.results).toEqual([]);
    expect((await resident.post(gpPage, [['gpPractice', disabled.id]])).statusCode).toBe(400);
  });

  it('keeps the practice chosen when the page is shown again', async () => {
    const resident = await residentAtGpPage();
    await search(resident, 'Riverside');
    const chosen = await resident.post(gpPage, [['gpPractice', riverside.id]]);
    expect(chosen.statusCode).toBe(303);
    const again = pageModel(await resident.get(gpPage));
    expect(again.page === 'question' && again.props.organisationSearch?.gpPractice?.results[0]?.id).toBe(riverside.id);
  });

  it('routes a death to the practice picked and to no other practice; the landlord to the one picked', async () => {
    const routed = await sendWith({ gpPractice: riverside.id, landlord: greenway.id });
    expect(shown).toEqual([['Riverside Surgery'], ['Greenway Homes']]);
    // Staff read the practice and the landlord by name too, never by the directory's ids.
    expect(staffLines).toEqual(expect.arrayContaining(['Riverside Surgery', 'Greenway Homes']));
    expect(staffLines).not.toContain(riverside.id);
    expect(told).toMatchObject({ 'gp-practice': 'Riverside Surgery', 'housing-provider': 'Greenway Homes' });
    expect(routed['gp-practice']).toEqual([riverside.id]);
    expect(routed['gp-practice']).not.toContain(hilltop.id);
    expect(routed['housing-provider']).toEqual([greenway.id]);
  });

  it('routes "I don\'t know" to the council\'s team for that kind (the fallback organisation)', async () => {
    const routed = await sendWith({ gpPractice: 'dont-know', landlord: 'dont-know' });
    expect(shown).toEqual([['I don’t know'], ['I don’t know']]); // As the page words it (common.json)
    expect(told['gp-practice']).toBe('fallback');
    expect(told['housing-provider']).toBe('fallback');
    // Named on the page by what each does, in the reader's language.
    expect(toldPage).toContain('We will tell an NHS team.');
    expect(toldPage).toContain('We will tell our housing team.');
    expect(toldPage).not.toContain('(not yet known)');
    expect(routed['gp-practice']).toEqual([(await fallbackOrganisation(t.database.db, 'gp-practice')).id]);
    expect(routed['housing-provider']).toEqual([(await fallbackOrganisation(t.database.db, 'housing-provider')).id]);
  });
});

describe('the council from the address', () => {
  const station = {
    line1: '2 Station Road',
    line2: 'Easton',
    town: 'Southmere',
    postcode: 'SX4 2BX',
    uprn: '9000000301',
  };

  it("tells the council whose local custodian code the gazetteer gives the address, on the resident's pages", async () => {
    const routed = await sendWith({ lastAddress: acacia });
    expect(routed.council).toEqual([northbridge.id]);
    expect(told.council).toBe('Northbridge Borough Council');
  });

  it('does the same through the API, and tells the fallback when the address has no council in the directory', async () => {
    const councilOf = (lastAddress: Answers[string]) => toldThroughApi('council', lastAddress);
    expect(await councilOf(station)).toBe(southmere.id);
    // Typed by hand (no UPRN), or a UPRN the gazetteer does not list: the council's fallback.
    const fallback = (await fallbackOrganisation(t.database.db, 'council')).id;
    const { uprn: _uprn, ...typed } = station;
    expect(await councilOf(typed)).toBe(fallback);
    expect(await councilOf({ ...station, uprn: '9000009999' })).toBe(fallback);
  });

  it('tells the Jobcentre Plus office serving the home council, on the pages and through the API; else Jobcentre Plus', async () => {
    // Last in this file: the office it adds would be told for every Northbridge report after it.
    const fallback = (await fallbackOrganisation(t.database.db, 'jobcentre')).id;
    const jobcentreOf = (lastAddress: Answers[string], consent?: AgencyKind[]) =>
      toldThroughApi('jobcentre', lastAddress, consent);
    expect(await jobcentreOf(acacia)).toBe(fallback);
    const office = await createOrganisation(
      t.database.db,
      { kind: 'jobcentre', name: 'Northbridge Jobcentre Plus', code: 'JCP9001', areas: ['E07000901'] },
      system,
    );
    expect(await jobcentreOf(acacia)).toBe(office.id);
    // By the council's area even when the council itself is not told.
    expect(await jobcentreOf(acacia, ['jobcentre'])).toBe(office.id);
    const routed = await sendWith({ lastAddress: acacia, services: ['benefits-or-state-pension'] });
    expect(told.jobcentre).toBe('Northbridge Jobcentre Plus');
    expect(routed.jobcentre).toEqual([office.id]);
    // Southmere has no office of its own in the directory: Jobcentre Plus itself is told.
    expect(await jobcentreOf(station)).toBe(fallback);
    // Two offices for one area: no guessing between them.
    const second = await createOrganisation(
      t.database.db,
      { kind: 'jobcentre', name: 'Northbridge East Jobcentre Plus', code: 'JCP9002', areas: ['E07000901'] },
      system,
    );
    expect(await jobcentreOf(acacia)).toBe(fallback);
    await setOrganisationEnabled(t.database.db, second.id, false, system);
    expect(await jobcentreOf(acacia)).toBe(office.id);
  });
});
