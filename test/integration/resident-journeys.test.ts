import {
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

/**
 * What "Check your answers" shows for each life event's typed answers, written out (read against the
 * catalogue's wording), not computed by the code that words the page, so a mistake there shows here.
 */
const checkAnswersRows: Record<LifeEventId, { key: string; lines: string[] }[]> = {
  'someone-died': [
    { key: 'First name', lines: ['Margaret'] },
    { key: 'Middle names (if they had any)', lines: ['Rose'] },
    { key: 'Last name', lines: ["O'Brien"] },
    { key: 'What was their date of birth?', lines: ['27 March 1941'] },
    { key: 'When did they die?', lines: ['14 January 2025'] },
    { key: 'What was their last address?', lines: ['12 Acacia Avenue', 'Leeds', 'LS1 4AP'] },
    { key: 'National Insurance number (optional)', lines: ['AB 12 34 56 C'] },
    { key: 'NHS number (optional)', lines: ['943 476 5919'] },
    { key: 'Which GP practice were they registered with?', lines: ['Not given'] },
    { key: 'What was their marital status?', lines: ['Widowed or a surviving civil partner'] },
    {
      key: 'Which of these did they have or use?',
      lines: [
        'Council Tax',
        'Blue Badge for parking',
        'Free bus pass',
        'On the electoral register',
        'Rented their home from the council or a housing association',
        'Benefits or State Pension',
      ],
    },
    { key: 'Does anyone still live in their home?', lines: ['No'] },
    { key: 'Who was their landlord?', lines: ['Not given'] },
    { key: 'Has the death been registered?', lines: ['Not given'] },
    { key: 'Your full name', lines: ["Sean O'Brien"] },
    { key: 'How did you know them?', lines: ['Son or daughter'] },
    {
      key: 'Are you their executor or next of kin?',
      lines: ['I am their executor or administrator', 'I am their next of kin'],
    },
    { key: 'How can we contact you?', lines: ['Email', 'Phone'] },
    { key: 'Email address', lines: ['sean.obrien@example.com'] },
    { key: 'Phone number', lines: ['07700 900982'] },
  ],
  'baby-born': [
    { key: 'First name', lines: ['Amara'] },
    { key: 'Middle names (if they have any)', lines: ['Not given'] },
    { key: 'Last name', lines: ['Okafor'] },
    { key: 'When was the baby born?', lines: ['3 February 2025'] },
    { key: 'Have you registered the birth? (optional)', lines: ['Not given'] },
    { key: "Baby's NHS number (optional)", lines: ['401 023 2137'] },
    { key: 'Your full name', lines: ['Chiamaka Okafor'] },
    { key: "The other parent's full name (optional)", lines: ['Daniel Okafor'] },
    { key: 'Where does the baby live?', lines: ['Flat 4', '20 Mill Road', 'Cambridge', 'CB1 2AB'] },
    { key: 'Do you rent your home from the council or a housing association?', lines: ['Yes'] },
    { key: 'Does anyone in your home get any of these?', lines: ['Universal Credit', 'Council Tax Reduction'] },
    { key: 'Do you know your National Insurance number?', lines: ['Yes'] },
    { key: 'National Insurance number', lines: ['JG 10 37 59 A'] },
    { key: 'How can we contact you?', lines: ['Phone'] },
    { key: 'Phone number', lines: ['07700 900461'] },
  ],
  'moving-home': [
    { key: 'Full name', lines: ['Priya Shah'] },
    { key: 'Date of birth', lines: ['9 July 1986'] },
    { key: 'Who is moving?', lines: ['Me and other people in my home'] },
    { key: 'Person 1', lines: ['Ravi Shah, born 2 May 1984'] },
    { key: 'Person 2', lines: ['Anya Shah, born 18 October 2015'] },
    { key: 'What address are you moving from?', lines: ['3 Station Road', 'Swindon', 'SN1 1AA'] },
    { key: 'What address are you moving to?', lines: ['45 High Street', 'Bristol', 'BS1 2AW'] },
    { key: 'When do you move?', lines: ['1 March 2025'] },
    { key: 'When does your tenancy start, or your purchase complete? (optional)', lines: ['Not given'] },
    {
      key: 'Are you leaving or moving into a council or housing association home?',
      lines: ['I am leaving a council or housing association home'],
    },
    { key: 'Will you pay the Council Tax at your new address?', lines: ['Yes'] },
    { key: 'Council Tax account number at your old address (optional)', lines: ['50012345'] },
    { key: 'Do you get any of these?', lines: ['Universal Credit'] },
    { key: 'Do you know your National Insurance number?', lines: ['Yes'] },
    { key: 'National Insurance number', lines: ['ZX 98 76 54 D'] },
    { key: 'Are you registered with a GP?', lines: ['Yes'] },
    { key: 'Name of your GP practice', lines: ['Station Road Surgery'] },
    { key: 'NHS number (optional)', lines: ['999 000 0018'] },
    { key: 'How can we contact you?', lines: ['Email'] },
    { key: 'Email address', lines: ['priya.shah@example.com'] },
  ],
  'change-in-work-or-income': [
    { key: 'Full name', lines: ['Tomasz Nowak'] },
    { key: 'Date of birth', lines: ['30 November 1979'] },
    { key: 'National Insurance number', lines: ['AB 12 34 56 C'] },
    { key: 'What is your address?', lines: ['8 Canal Street', 'Manchester', 'M1 3HE'] },
    { key: 'What has changed?', lines: ['I started work'] },
    { key: 'When did it change, or when will it change?', lines: ['17 February 2025'] },
    { key: 'Employer name', lines: ['Northern Bakeries Ltd'] },
    { key: 'How many hours a week do you usually work?', lines: ['16 to 29 hours'] },
    { key: 'Which of these do you get?', lines: ['Universal Credit', 'Council Tax Reduction'] },
    { key: 'How can we contact you?', lines: ['Email', 'Phone'] },
    { key: 'Email address', lines: ['tomasz.nowak@example.com'] },
    { key: 'Phone number', lines: ['07700 900123'] },
  ],
  'someone-moving-in-or-out': [
    { key: 'What is your name?', lines: ['Eleri Jones'] },
    { key: 'What is your address?', lines: ['2 Heol y Parc', 'Cardiff', 'CF10 1AA'] },
    { key: 'Has someone moved in or out?', lines: ['Someone moved out'] },
    { key: 'Their full name', lines: ['Gareth Jones'] },
    { key: 'Their date of birth', lines: ['21 May 1990'] },
    { key: 'When did they move, or when will they move?', lines: ['31 January 2025'] },
    { key: 'How many adults live in your home now?', lines: ['Just me'] },
    { key: 'Do you rent your home from the council or a housing association?', lines: ['No'] },
    { key: 'Do you get Universal Credit?', lines: ['Yes'] },
    { key: 'Your National Insurance number', lines: ['JG 10 37 59 A'] },
    { key: 'How can we contact you?', lines: ['Email'] },
    { key: 'Email address', lines: ['eleri.jones@example.com'] },
  ],
};

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
    ['people-moving-with-you', 'Enter the full name of person 1'],
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
    expect(summaryListRows(response)).toEqual(checkAnswersRows[lifeEvent]);
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
