import {
  answerSummary,
  catalogue,
  exampleSubmissions,
  findPageByPath,
  type AgencyKind,
  type Answers,
  type LifeEventId,
} from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTitle, pageModel, pagePost, Resident, summaryListRows } from '../support/resident.js';
import { testProtectedValues } from '../support/test-config.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Per life event, the pages the example's answers lead through, and what each says when posted empty. */
const routes: Record<LifeEventId, readonly (readonly [path: string, emptyError: string | undefined])[]> = {
  'someone-died': [
    ['their-name', 'Enter their first name'],
    ['date-of-birth', 'Enter their date of birth'],
    ['date-of-death', 'Enter the date they died'],
    ['their-address', 'Enter address line 1, typically the building and street'],
    ['their-numbers', undefined],
    ['their-gp-practice', undefined],
    ['marital-status', 'Select their marital status'],
    ['services', "Select the services they had, or select 'None of these'"],
    ['their-home', 'Select yes if anyone still lives in their home'],
    ['registration', undefined],
    ['about-you', 'Enter your full name'],
    ['contact-details', 'Select how we can contact you'],
  ],
  'baby-born': [
    ['baby-name', "Enter the baby's first name"],
    ['baby-date-of-birth', "Enter the baby's date of birth"],
    ['baby-nhs-number', undefined],
    ['parents', 'Enter your full name'],
    ['home-address', 'Enter address line 1, typically the building and street'],
    ['your-home', 'Select yes if you rent your home from the council or a housing association'],
    ['benefits', "Select the benefits your household gets, or select 'None of these'"],
    ['your-national-insurance-number', 'Select yes if you know your National Insurance number'],
    ['contact-details', 'Select how we can contact you'],
  ],
  'moving-home': [
    ['your-details', 'Enter your full name'],
    ['who-is-moving', 'Select who is moving'],
    ['old-address', 'Enter address line 1, typically the building and street'],
    ['new-address', 'Enter address line 1, typically the building and street'],
    ['move-date', 'Enter the date you move'],
    ['tenancy', "Select if you are leaving or moving into a council or housing association home, or select 'Neither'"],
    ['council-tax', 'Select yes if you will pay the Council Tax at your new address'],
    ['benefits', "Select the benefits you get, or select 'None of these'"],
    ['your-national-insurance-number', 'Select yes if you know your National Insurance number'],
    ['gp', 'Select yes if you are registered with a GP'],
    ['contact-details', 'Select how we can contact you'],
  ],
  'change-in-work-or-income': [
    ['your-details', 'Enter your full name'],
    ['your-address', 'Enter address line 1, typically the building and street'],
    ['what-changed', 'Select what has changed'],
    ['change-date', 'Enter the date of the change'],
    ['your-work', 'Enter the name of your employer'],
    ['benefits', "Select the benefits you get, or select 'None of these'"],
    ['contact-details', 'Select how we can contact you'],
  ],
  'someone-moving-in-or-out': [
    ['your-details', 'Enter your full name'],
    ['your-address', 'Enter address line 1, typically the building and street'],
    ['moving-in-or-out', 'Select if someone moved in or out'],
    ['who-moved', 'Enter their full name'],
    ['move-date', 'Enter the date they moved'],
    ['adults-now', 'Select how many adults live in your home'],
    ['your-home', 'Select yes if you rent your home from the council or a housing association'],
    ['contact-details', 'Select how we can contact you'],
  ],
};

/** An optional agency each resident leaves out on "who to tell", where the example has one to spare. */
const leftOut: Partial<Record<LifeEventId, AgencyKind>> = {
  'someone-died': 'housing-provider',
  'baby-born': 'gp-practice',
};

/** The answers as typed in: manual address entry has no UPRN (that comes with address look-up). */
function typedAnswers(lifeEvent: LifeEventId): Answers {
  const answers: Answers = { ...exampleSubmissions[lifeEvent].answers };
  for (const [name, value] of Object.entries(answers)) {
    if (typeof value === 'object' && !Array.isArray(value) && value.uprn)
      answers[name] = { line1: value.line1, line2: value.line2, town: value.town, postcode: value.postcode };
  }
  return JSON.parse(JSON.stringify(answers)) as Answers;
}

describe.each(Object.keys(routes) as LifeEventId[])('%s in server-rendered pages', (lifeEvent) => {
  const journey = catalogue[lifeEvent];
  const answers = typedAnswers(lifeEvent);
  const route = routes[lifeEvent];
  let resident: Resident;
  beforeAll(() => {
    resident = new Resident(t.app);
  });

  it('starts from "What has happened?"', async () => {
    expect((await resident.get('/start')).statusCode).toBe(200);
    const chosen = await resident.post('/start', [['lifeEvent', lifeEvent]]);
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe(`/${lifeEvent}/${route[0]?.[0] ?? ''}`);
  });

  it.each(route.map(([path, empty], index) => [path, empty, route[index + 1]?.[0] ?? 'check-answers'] as const))(
    '%s: empty → %s; valid → %s',
    async (path, empty, next) => {
      const url = `/${lifeEvent}/${path}`;
      const page = findPageByPath(journey, path);
      if (!page) throw new Error(`No page at ${path}`);
      expect((await resident.get(url)).statusCode).toBe(200);
      if (empty !== undefined) {
        const refused = await resident.post(url);
        expect(refused.statusCode).toBe(400);
        const model = pageModel(refused);
        expect(documentTitle(refused)).toBe(`Error: ${page.title} – Tell Us Once`);
        expect(model.page === 'question' && model.props.form.errors[0]?.message).toBe(empty);
        expect(refused.body).toContain('govuk-error-summary');
      }
      const accepted = await resident.post(url, pagePost(page, answers));
      expect(accepted.statusCode, accepted.statusCode === 400 ? JSON.stringify(pageModel(accepted).props) : '').toBe(
        303,
      );
      expect(accepted.headers.location).toBe(`/${lifeEvent}/${next}`);
    },
  );

  it('shows every answer on "Check your answers", each with a Change link', async () => {
    const response = await resident.get(`/${lifeEvent}/check-answers`);
    expect(response.statusCode).toBe(200);
    const model = pageModel(response);
    if (model.page !== 'check-answers') throw new Error(`Expected check answers, got ${model.page}`);
    // What the page shows, in English: each question, and its answer or "Not given".
    expect(summaryListRows(response)).toEqual(
      answerSummary(journey, answers).map((row) => ({
        key: row.label,
        lines: row.lines.length > 0 ? row.lines : ['Not given'],
      })),
    );
    expect(model.props.rows.every((row) => row.changeHref.endsWith('?change=1'))).toBe(true);
  });

  it('sends to the agencies the resident chose, through the same code path as the API', async () => {
    const consent = exampleSubmissions[lifeEvent].consent.filter((agency) => agency !== leftOut[lifeEvent]);
    const choose = pageModel(await resident.get(`/${lifeEvent}/who-to-tell`));
    if (choose.page !== 'who-to-tell') throw new Error(`Expected who to tell, got ${choose.page}`);
    // Consent is opt-in: nothing starts ticked.
    expect(choose.props.form.values.consent).toEqual([]);
    const chosen = await resident.post(
      `/${lifeEvent}/who-to-tell`,
      consent.map((agency) => ['consent', agency] as const),
    );
    expect(chosen.headers.location).toBe(`/${lifeEvent}/declaration`);
    expect((await resident.get(`/${lifeEvent}/declaration`)).statusCode).toBe(200);
    const unconfirmed = await resident.post(`/${lifeEvent}/declaration`);
    expect(unconfirmed.statusCode).toBe(400);
    const sent = await resident.post(`/${lifeEvent}/declaration`, [['declaration', 'confirmed']]);
    expect(sent.headers.location).toBe(`/${lifeEvent}/confirmation`);

    const confirmation = pageModel(await resident.get(`/${lifeEvent}/confirmation`));
    if (confirmation.page !== 'confirmation') throw new Error(`Expected confirmation, got ${confirmation.page}`);
    const { reference, trackingSecret } = confirmation.props;
    expect(trackingSecret).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const submission = await t.database.db
      .selectFrom('submissions')
      .select(['id', 'envelope'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    // Stored sealed (protected identifiers encrypted), and opens to exactly the answers given.
    expect(testProtectedValues().openEnvelope(submission.envelope).answers).toEqual(answers);
    const deliveries = await t.database.db
      .selectFrom('deliveries')
      .select('agency')
      .where('submission_id', '=', submission.id)
      .execute();
    expect(deliveries.map((d) => d.agency).sort()).toEqual([...consent].sort());
    expect(confirmation.props.agencies).toEqual(consent);
  });
});
