import { catalogue, exampleSubmissions, reachablePages, type Answers } from '@tuo/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeNotify } from '../support/fake-notify.js';
import {
  answerEveryPage,
  confirmOnPage,
  documentTitle,
  pageModel,
  Resident,
  summaryListRows,
} from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const journey = catalogue['someone-died'];
const answers: Answers = { ...exampleSubmissions['someone-died'].answers };
const countSubmissions = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function residentAtCheckAnswers(given: Answers = answers): Promise<Resident> {
  const resident = new Resident(t.app);
  await answerEveryPage(resident, 'someone-died', reachablePages(journey, given), given);
  return resident;
}

async function readyToSend(given: Answers = answers): Promise<Resident> {
  const resident = await residentAtCheckAnswers(given);
  await resident.get('/someone-died/who-to-tell');
  await resident.post('/someone-died/who-to-tell', [['consent', 'gp-practice']]);
  await resident.get('/someone-died/declaration');
  return resident;
}

describe('check your answers', () => {
  it('groups the answers under the headings of the journey sections, in order', async () => {
    const resident = await residentAtCheckAnswers();
    const response = await resident.get('/someone-died/check-answers');
    const headings = [...response.body.matchAll(/<h2 class="govuk-heading-m"[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'The person who died',
      'About you',
      'How we contact you',
      'Now choose who to tell',
      'Get help',
    ]);
    const page = pageModel(response);
    if (page.page !== 'check-answers') throw new Error(page.page);
    const sectionOf = (field: string) => page.props.rows.find((row) => row.fieldName === field)?.sectionPageId;
    expect([sectionOf('dateOfDeath'), sectionOf('reporterName'), sectionOf('email')]).toEqual([
      'their-name',
      'about-you',
      'contact',
    ]);
    // The person who died and the person reporting are never in one list.
    const lists = response.body.split('<dl class="govuk-summary-list').slice(1);
    expect(lists).toHaveLength(3);
    expect(lists[0]).not.toContain('Your full name');
  });
});

describe('changing an answer', () => {
  it('goes to the page with ?change=1 and back to the summary', async () => {
    const resident = await residentAtCheckAnswers();
    const page = pageModel(await resident.get('/someone-died/marital-status?change=1'));
    if (page.page !== 'question') throw new Error(page.page);
    expect(page.props.backHref).toBe('/someone-died/check-answers');
    expect(page.props.form.action).toBe('/someone-died/marital-status?change=1');
    expect(page.props.form.values).toEqual({ maritalStatus: 'widowed' });
    const changed = await resident.post('/someone-died/marital-status?change=1', [['maritalStatus', 'married']]);
    expect(changed.headers.location).toBe('/someone-died/check-answers');
    const summary = summaryListRows(await resident.get('/someone-died/check-answers'));
    expect(summary.find((row) => row.key === 'What was their marital status?')?.lines).toEqual([
      'Married or in a civil partnership',
    ]);
  });

  it('asks the questions a changed answer opens before returning to the summary', async () => {
    const withoutHome = Object.fromEntries(Object.entries(answers).filter(([name]) => name !== 'othersLiveAtAddress'));
    const resident = await residentAtCheckAnswers({ ...withoutHome, services: ['blue-badge'] });
    const changed = await resident.post('/someone-died/services?change=1', [['services', 'council-tax']]);
    expect(changed.headers.location).toBe('/someone-died/their-home?change=1');
    const answered = await resident.post('/someone-died/their-home?change=1', [['othersLiveAtAddress', 'yes']]);
    expect(answered.headers.location).toBe('/someone-died/check-answers');
  });
});

describe('consent to tell each service', () => {
  it('starts with nothing ticked, and sending none of them is refused, not taken as all', async () => {
    const resident = await residentAtCheckAnswers();
    const response = await resident.get('/someone-died/who-to-tell');
    const page = pageModel(response);
    if (page.page !== 'who-to-tell') throw new Error(page.page);
    expect(page.props.options.length).toBeGreaterThan(1);
    expect(page.props.form.values.consent).toEqual([]);
    expect(response.body).toContain('name="consent"');
    expect(response.body).not.toMatch(/<input[^>]*checked/);
    const none = await resident.post('/someone-died/who-to-tell');
    expect(none.statusCode).toBe(400);
    const refused = pageModel(none);
    expect(refused.page === 'who-to-tell' && refused.props.form.errors).toEqual([
      { field: 'consent', message: 'Select at least one service to tell' },
    ]);
  });

  it('keeps what the resident ticked, and only that, when they come back to the page', async () => {
    const resident = await residentAtCheckAnswers();
    await resident.get('/someone-died/who-to-tell');
    await resident.post('/someone-died/who-to-tell', [['consent', 'gp-practice']]);
    const again = pageModel(await resident.get('/someone-died/who-to-tell'));
    expect(again.page === 'who-to-tell' && again.props.form.values.consent).toEqual(['gp-practice']);
  });

  it('"Tell all of them" chooses every service offered, without JavaScript', async () => {
    const resident = await residentAtCheckAnswers();
    const page = pageModel(await resident.get('/someone-died/who-to-tell'));
    if (page.page !== 'who-to-tell') throw new Error(page.page);
    const all = await resident.post('/someone-died/who-to-tell', [['tellAll', 'all']]);
    expect(all.headers.location).toBe('/someone-died/declaration');
    const declaration = pageModel(await resident.get('/someone-died/declaration'));
    expect(declaration.page === 'declaration' && declaration.props.agencies).toEqual(
      page.props.options.map((option) => option.agency),
    );
  });
});

describe('sending', () => {
  it('makes one submission from a double click: two declarations posted at once', async () => {
    const resident = await readyToSend();
    const before = await countSubmissions();
    const [first, second] = await Promise.all(
      [0, 1].map(() => resident.post('/someone-died/declaration', [['declaration', 'confirmed']])),
    );
    expect([first?.headers.location, second?.headers.location]).toEqual([
      '/someone-died/confirmation',
      '/someone-died/confirmation',
    ]);
    const resent = await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    expect(resent.headers.location).toBe('/someone-died/confirmation');
    expect(await countSubmissions()).toBe(before + 1);
  });

  it('tells only the agencies ticked, plus none the resident left out', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const confirmation = pageModel(await resident.get('/someone-died/confirmation'));
    if (confirmation.page !== 'confirmation') throw new Error(confirmation.page);
    const rows = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select('deliveries.agency')
      .where('submissions.reference', '=', confirmation.props.reference)
      .execute();
    expect(rows.map((row) => row.agency)).toEqual(['gp-practice']);
  });

  it('keeps the tracking code on the page until the report is confirmed, then shows it once more and forgets it', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const first = pageModel(await resident.get('/someone-died/confirmation'));
    if (first.page !== 'confirmation') throw new Error(first.page);
    const secret = first.props.trackingSecret ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const sessionsHold = async (text: string) =>
      JSON.stringify(await t.database.db.selectFrom('sessions').select('data').execute()).includes(text);
    // A mistyped code, a reload: the code is still there, since nothing else has given it to them yet.
    const mistyped = await resident.post('/someone-died/confirmation', [['code', '000000']]);
    const wrong = pageModel(mistyped);
    expect(mistyped.statusCode).toBe(400);
    expect(wrong.page === 'confirmation' && wrong.props.trackingSecret).toBe(secret);
    const reloaded = pageModel(await resident.get('/someone-died/confirmation'));
    expect(reloaded.page === 'confirmation' && reloaded.props.trackingSecret).toBe(secret);
    // Kept meanwhile, but sealed at rest like the answers.
    expect(await sessionsHold(secret)).toBe(false);
    // Back to a question after sending shows the confirmation, not a form to send again.
    expect((await resident.get('/someone-died/their-name')).headers.location).toBe('/someone-died/confirmation');
    const code = first.props.confirm?.trialCode ?? '';
    expect((await resident.post('/someone-died/confirmation', [['code', code]])).headers.location).toBe(
      '/someone-died/confirmation',
    );
    const confirmed = pageModel(await resident.get('/someone-died/confirmation'));
    expect(confirmed.page === 'confirmation' && confirmed.props.confirm).toBeNull();
    expect(confirmed.page === 'confirmation' && confirmed.props.trackingSecret).toBe(secret);
    const again = pageModel(await resident.get('/someone-died/confirmation'));
    expect(again.page === 'confirmation' && again.props.trackingSecret).toBeNull();
    const stored = (await t.database.db.selectFrom('sessions').select('data').execute())
      .map((row) => JSON.stringify(row.data))
      .filter((data) => data.includes(first.props.reference));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('"trackingSecret":null');
  });
});

describe('the confirmation page', () => {
  it('does not tell a reporter who said the death is registered to register it', async () => {
    const shown = async (registration: Answers) => {
      const resident = await readyToSend({ ...answers, ...registration });
      await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
      return (await resident.get('/someone-died/confirmation')).body;
    };
    const registered = await shown({
      deathRegistered: 'yes',
      registrationDistrict: 'Leeds',
      registrationDate: '2025-01-16',
    });
    expect(registered).toContain('What else you need to do');
    expect(registered).toContain('Tell their bank');
    expect(registered).not.toContain('Register the death');
    expect(await shown({ deathRegistered: 'not-yet' })).toContain('Register the death, if no one has done it yet.');
  });

  it('says nothing was sent to the resident when GOV.UK Notify is not set up', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const response = await resident.get('/someone-died/confirmation');
    const page = pageModel(response);
    expect(page.page === 'confirmation' && page.props.messagedBy).toEqual([]);
    expect(response.body).not.toMatch(/sending your reference|sent it to you/);
    // Once confirmed, later views say the code was shown, not that it was sent.
    const code = page.page === 'confirmation' ? (page.props.confirm?.trialCode ?? '') : '';
    await resident.post('/someone-died/confirmation', [['code', code]]);
    await resident.get('/someone-died/confirmation');
    const again = await resident.get('/someone-died/confirmation');
    expect(again.body).toContain('We showed your tracking code when you sent your report. You can');
    expect(again.body).not.toMatch(/sending your reference|sent it to you/);
  });

  it('says how the code is on its way when Notify has a template for the contact given', async () => {
    const notified = await createTestApp({
      env: { NOTIFY_API_KEY: fakeNotify().apiKey, NOTIFY_EMAIL_TEMPLATE_ID: randomUUID() },
    });
    try {
      const resident = new Resident(notified.app);
      await answerEveryPage(resident, 'someone-died', reachablePages(journey, answers), answers);
      await resident.get('/someone-died/who-to-tell');
      await resident.post('/someone-died/who-to-tell', [['tellAll', 'all']]);
      await resident.get('/someone-died/declaration');
      await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
      const response = await resident.get('/someone-died/confirmation');
      // An email address and a phone number were given, but only email has a template: no text is sent.
      expect(answers.phone).toBeTruthy();
      const page = pageModel(response);
      expect(page.page === 'confirmation' && page.props.messagedBy).toEqual(['email']);
      expect(response.body).toContain('We are also sending your reference and tracking code to your email address.');
      expect(response.body).not.toContain('by text message');
    } finally {
      await notified.close();
    }
  });

  it('after a death, says in plain words what else to do that we cannot', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const body = (await resident.get('/someone-died/confirmation')).body;
    expect(body).toContain('What else you need to do');
    for (const thing of ['Register the death', 'bank', 'DVLA', 'HMRC', 'pension']) expect(body, thing).toContain(thing);
    expect(body).toContain('href="https://www.gov.uk/after-a-death"');
  });

  it('has no such list for a life event that has none', async () => {
    const baby = catalogue['baby-born'];
    const babyAnswers = exampleSubmissions['baby-born'].answers;
    const resident = new Resident(t.app);
    await answerEveryPage(resident, 'baby-born', reachablePages(baby, babyAnswers), babyAnswers);
    await resident.get('/baby-born/who-to-tell');
    await resident.post('/baby-born/who-to-tell', [['tellAll', 'all']]);
    await resident.get('/baby-born/declaration');
    await resident.post('/baby-born/declaration', [['declaration', 'confirmed']]);
    const body = (await confirmOnPage(resident, 'baby-born')).body;
    expect(body).toContain('We have received your report');
    expect(body).not.toContain('What else you need to do');
  });
});

describe('the home page', () => {
  it('links to tracking a report', async () => {
    const body = (await new Resident(t.app).get('/')).body;
    expect(body).toMatch(/<a class="govuk-link" href="\/track">Track a report<\/a>/);
  });
});

describe('tracking', () => {
  it('shows each agency in plain words for the right reference and code, by form or by link', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const confirmation = pageModel(await resident.get('/someone-died/confirmation'));
    if (confirmation.page !== 'confirmation' || !confirmation.props.trackingSecret) throw new Error('no tracking code');
    const { reference, trackingSecret } = confirmation.props;
    const tracker = new Resident(t.app);
    await tracker.get('/track');
    const byForm = await tracker.post('/track', [
      ['reference', reference.toLowerCase()],
      ['secret', trackingSecret],
    ]);
    expect(byForm.statusCode).toBe(200);
    // Sent but not yet confirmed by its code: nothing has gone to any service.
    expect(byForm.body).toContain('Waiting for you to confirm');
    const byLink = pageModel(await tracker.get(`/track?reference=${reference}&secret=${trackingSecret}`));
    expect(byLink.page === 'track' && byLink.props.result?.agencies.map((a) => [a.agency, a.status])).toEqual([
      ['gp-practice', 'held'],
    ]);

    const wrongSecret = await tracker.post('/track', [
      ['reference', reference],
      ['secret', 'A'.repeat(27)],
    ]);
    const unknown = await tracker.post('/track', [
      ['reference', 'TUO-0000-0000'],
      ['secret', trackingSecret],
    ]);
    expect(wrongSecret.statusCode).toBe(400);
    const message = (response: typeof unknown) => {
      const m = pageModel(response);
      return m.page === 'track' ? m.props.form.errors : [];
    };
    expect(message(wrongSecret)).toEqual(message(unknown));
    expect(wrongSecret.body).not.toContain('A'.repeat(27));
  });

  it('asks for both the reference and the tracking code', async () => {
    const tracker = new Resident(t.app);
    await tracker.get('/track');
    const refused = await tracker.post('/track', [
      ['reference', ''],
      ['secret', ''],
    ]);
    const model = pageModel(refused);
    expect(documentTitle(refused)).toBe('Error: Track your report – Tell Us Once');
    expect(model.page === 'track' && model.props.form.errors.map((e) => e.message)).toEqual([
      'Enter your reference',
      'Enter your tracking code',
    ]);
  });
});

describe('sessions and forgery', () => {
  it('sets an httpOnly, SameSite=Lax session cookie, Secure and host-only when the public address is https', async () => {
    const plain = (await new Resident(t.app).get('/start')).cookies[0];
    expect(plain).toMatchObject({ name: 'tuo-session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(plain?.secure).toBeFalsy();
    const https = await createTestApp({
      database: t.database,
      env: { PUBLIC_URL: 'https://tell-us-once.example.gov.uk', TRUST_PROXY: '1' },
    });
    try {
      // Behind the council's TLS-terminating proxy, which says so in X-Forwarded-Proto.
      const response = await https.app.inject({
        method: 'GET',
        url: '/start',
        headers: { accept: 'text/html', 'x-forwarded-proto': 'https' },
      });
      const secure = response.cookies[0];
      expect(secure).toMatchObject({ name: '__Host-tuo-session', httpOnly: true, sameSite: 'Lax', secure: true });
    } finally {
      await https.app.close();
    }
  });

  it('keeps answers in Postgres, so another server process picks up where this one left off', async () => {
    const resident = await residentAtCheckAnswers();
    const other = await createTestApp({ database: t.database });
    try {
      const elsewhere = new Resident(other.app);
      elsewhere.cookie = resident.cookie;
      const summary = await elsewhere.get('/someone-died/check-answers');
      expect(summary.statusCode).toBe(200);
      expect(summary.body).toContain('Margaret');
    } finally {
      await other.app.close();
    }
  });

  it('refuses a form post without this session’s token', async () => {
    const resident = new Resident(t.app);
    await resident.get('/start');
    const forged = await resident.post('/start', [['lifeEvent', 'someone-died']], { csrf: 'not-the-token' });
    expect(forged.statusCode).toBe(403);
    expect(pageModel(forged).page).toBe('session-expired');
    const cookieless = await t.app.inject({
      method: 'POST',
      url: '/start',
      payload: 'lifeEvent=someone-died',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(cookieless.statusCode).toBe(403);
  });

  it('sends a resident who skips ahead back to the first question not yet answered', async () => {
    const resident = new Resident(t.app);
    await resident.get('/start');
    await resident.post('/start', [['lifeEvent', 'someone-died']]);
    expect((await resident.get('/someone-died/check-answers')).headers.location).toBe('/someone-died/their-name');
    expect((await resident.get('/someone-died/declaration')).headers.location).toBe('/someone-died/their-name');
    expect((await resident.get('/no-such-event/their-name')).statusCode).toBe(404);
  });
});
