import { catalogue, exampleSubmissions, reachablePages, type Answers } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEveryPage, pageModel, Resident } from '../support/resident.js';
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

async function readyToSend(): Promise<Resident> {
  const resident = await residentAtCheckAnswers();
  await resident.get('/someone-died/who-to-tell');
  await resident.post('/someone-died/who-to-tell', [['consent', 'gp-practice']]);
  await resident.get('/someone-died/declaration');
  return resident;
}

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
    const summary = pageModel(await resident.get('/someone-died/check-answers'));
    expect(
      summary.page === 'check-answers' &&
        summary.props.rows.find((row) => row.label === 'What was their marital status?')?.lines,
    ).toEqual(['Married or in a civil partnership']);
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

  it('shows the tracking code once, and forgets the answers once sent', async () => {
    const resident = await readyToSend();
    await resident.post('/someone-died/declaration', [['declaration', 'confirmed']]);
    const first = pageModel(await resident.get('/someone-died/confirmation'));
    const again = pageModel(await resident.get('/someone-died/confirmation'));
    expect(first.page === 'confirmation' && first.props.trackingSecret).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(again.page === 'confirmation' && again.props.trackingSecret).toBeNull();
    // Back to a question after sending shows the confirmation, not a form to send again.
    expect((await resident.get('/someone-died/their-name')).headers.location).toBe('/someone-died/confirmation');
    const stored = await t.database.db.selectFrom('sessions').select('data').execute();
    expect(JSON.stringify(stored)).not.toContain(
      first.page === 'confirmation' ? first.props.trackingSecret : 'unreachable',
    );
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
    const model = pageModel(
      await tracker.post('/track', [
        ['reference', ''],
        ['secret', ''],
      ]),
    );
    expect(model.title).toBe('Error: Track your report');
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
