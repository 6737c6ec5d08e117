import { randomUUID } from 'node:crypto';
import { catalogue, exampleSubmissions, getJourney, reachablePages } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSubmissionView } from '../../server/src/staff/submission-view.js';
import { fakeNotify, type NotifySent } from '../support/fake-notify.js';
import { answerEveryPage, confirmOnPage, pageModel, pagePost, Resident } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { confirmByCode } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

const mockServer = outsideServices();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function htmlTag(body: string): string {
  return /<html[^>]*>/.exec(body)?.[0] ?? '';
}

describe('choosing a language', () => {
  it('keeps the choice from a plain ?lang= link and sends the reader back to the same page', async () => {
    const resident = new Resident(t.app);
    const switched = await resident.get('/track?reference=TUO-7K3M-9Q2M&lang=cy');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/track?reference=TUO-7K3M-9Q2M');
    expect(resident.languageCookie).toBe('tuo-lang=cy');
    const start = await resident.get('/');
    expect(htmlTag(start.body)).toContain('lang="cy" dir="ltr"');
    expect(start.body).toContain('Dywedwch wrthym unwaith am newid yn eich bywyd');
    expect(pageModel(start)).toMatchObject({ lang: 'cy', dir: 'ltr', url: '/' });
  });

  it('lays Arabic pages out right to left', async () => {
    const resident = new Resident(t.app);
    await resident.get('/?lang=ar');
    const page = await resident.get('/start');
    expect(htmlTag(page.body)).toContain('lang="ar" dir="rtl"');
    expect(page.body).toContain('ماذا حدث؟');
  });

  it("follows the browser's Accept-Language until the resident chooses, and the choice wins", async () => {
    const welsh = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html', 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' },
    });
    expect(htmlTag(welsh.body)).toContain('lang="cy"');
    expect(welsh.headers.vary).toMatch(/accept-language/i);
    const english = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html', 'accept-language': 'fr-FR,de;q=0.8' },
    });
    expect(htmlTag(english.body)).toContain('lang="en"');
    const chosen = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html', 'accept-language': 'ar', cookie: 'tuo-lang=pl' },
    });
    expect(htmlTag(chosen.body)).toContain('lang="pl"');
    expect(chosen.body).toContain('To tłumaczenie nie zostało jeszcze sprawdzone przez urząd gminy.');
  });

  it('ignores a language it does not have, and never redirects to another site', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/?lang=xx' });
    expect(unknown.statusCode).toBe(303);
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const offsite = await t.app.inject({ method: 'GET', url: '//evil.example/?lang=cy' });
    expect(offsite.headers.location).toMatch(/^\/(?!\/)/);
    const api = await t.app.inject({ method: 'GET', url: '/api/openapi.json?lang=cy' });
    expect(api.statusCode).toBe(200);
  });

  it('keeps answers when the language changes mid-journey', async () => {
    const resident = new Resident(t.app);
    const journey = catalogue['someone-died'];
    const answers = exampleSubmissions['someone-died'].answers;
    await resident.get('/start');
    await resident.post('/start', [['lifeEvent', 'someone-died']]);
    const [first, second] = reachablePages(journey, answers);
    if (!first || !second) throw new Error('someone-died has fewer than two pages');
    expect((await resident.post(`/someone-died/${first.path}`, pagePost(first, answers))).statusCode).toBe(303);
    expect((await resident.get(`/someone-died/${second.path}?lang=cy`)).headers.location).toBe(
      `/someone-died/${second.path}`,
    );
    const back = await resident.get(`/someone-died/${first.path}`);
    expect(htmlTag(back.body)).toContain('lang="cy"');
    expect(back.body).toContain('Beth oedd eu henw?');
    const model = pageModel(back);
    if (model.page !== 'question') throw new Error(`Expected a question, got ${model.page}`);
    expect(model.props.form.values).toMatchObject({ firstName: answers.firstName });
  });
});

describe('the language of a submission', () => {
  it('is recorded on the envelope and shown to staff when a resident sends in Welsh', async () => {
    const resident = new Resident(t.app);
    await resident.get('/?lang=cy');
    const lifeEvent = 'moving-home';
    const answers = exampleSubmissions[lifeEvent].answers;
    await answerEveryPage(resident, lifeEvent, reachablePages(getJourney(lifeEvent), answers), answers);
    const choose = pageModel(await resident.get(`/${lifeEvent}/who-to-tell`));
    if (choose.page !== 'who-to-tell') throw new Error(`Expected who to tell, got ${choose.page}`);
    await resident.post(
      `/${lifeEvent}/who-to-tell`,
      choose.props.options.map((option) => ['consent', option.agency] as const),
    );
    await resident.get(`/${lifeEvent}/declaration`);
    expect((await resident.post(`/${lifeEvent}/declaration`, [['declaration', 'confirmed']])).headers.location).toBe(
      `/${lifeEvent}/confirmation`,
    );
    expect((await resident.get(`/${lifeEvent}/confirmation`)).body).toContain('Cadarnhewch eich adroddiad');
    const confirmation = await confirmOnPage(resident, lifeEvent);
    expect(confirmation.body).toContain('Rydym wedi cael eich adroddiad');
    const model = pageModel(confirmation);
    if (model.page !== 'confirmation') throw new Error(`Expected confirmation, got ${model.page}`);
    const row = await t.database.db
      .selectFrom('submissions')
      .select(['language', 'envelope'])
      .where('reference', '=', model.props.reference)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('cy');
    expect(testProtectedValues().openEnvelope(row.envelope).language).toBe('cy');
    const view = await loadSubmissionView(t.database.db, testProtectedValues(), model.props.reference);
    expect(view?.view.language).toBe('cy');
  });

  it('words the confirmation email and text in the language the resident used', async () => {
    const notify = fakeNotify();
    mockServer.use(...notify.handlers);
    const env = {
      OUTBOX_RELAY_INTERVAL_MS: '20',
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
      NOTIFY_SMS_TEMPLATE_ID: randomUUID(),
    };
    const app = await createTestApp({ env });
    const worker = await startTestWorker(app.database, testConfig(app.database.url, env));
    try {
      const sent = async (language: string): Promise<NotifySent[]> => {
        const before = notify.sent.length;
        const response = await app.app.inject({
          method: 'POST',
          url: '/api/submissions',
          payload: { ...exampleSubmissions['someone-died'], language },
        });
        expect(response.statusCode).toBe(201);
        // First the code to confirm the report; the email and text saying it was received follow confirmation.
        const code = await waitFor(() =>
          Promise.resolve(notify.sent.slice(before).find((message) => message.personalisation.code)),
        );
        codes.push(code);
        await confirmByCode(app.app, response.json(), code.personalisation.code);
        return waitFor(() =>
          Promise.resolve(
            notify.sent.length >= before + 3
              ? notify.sent.slice(before).filter((message) => !message.personalisation.code)
              : undefined,
          ),
        );
      };
      const codes: NotifySent[] = [];
      const welsh = await sent('cy');
      expect(codes[0]?.personalisation.subject).toMatch(/^Eich cod i gadarnhau eich adroddiad: \d{6}$/);
      const email = welsh.find((message) => message.type === 'email')?.personalisation;
      expect(email).toMatchObject({ language: 'cy', life_event: 'Mae rhywun wedi marw' });
      expect(email?.subject).toMatch(/^Rydym wedi cael eich adroddiad TUO-/);
      expect(email?.body).toContain('Eich cyfeirnod yw TUO-');
      expect(email?.body).toContain(email?.tracking_link);
      expect(welsh.find((message) => message.type === 'sms')?.personalisation.body).toMatch(
        /^Dywedwch Wrthym Unwaith: /,
      );
      const arabic = await sent('ar');
      expect(arabic.find((message) => message.type === 'email')?.personalisation.agencies).toContain('، ');
      const english = await sent('en');
      expect(english.find((message) => message.type === 'email')?.personalisation).toMatchObject({
        language: 'en',
        life_event: 'Someone has died',
      });
    } finally {
      await worker.stop();
      await app.close();
    }
  });
});

describe('"Get help" in each language', () => {
  /** The "Get help" section of a page, in the language the resident chose with a `?lang=` link. */
  async function getHelpIn(app: TestApp, language: string): Promise<string> {
    const resident = new Resident(app.app);
    await resident.get(`/?lang=${language}`);
    const body = (await resident.get('/')).body;
    // Without React's text separators, to read it as a browser shows it.
    return (/<section[^>]*app-get-help[\s\S]*?<\/section>/.exec(body)?.[0] ?? '').replaceAll('<!-- -->', '');
  }

  it('keeps the phone number left to right, in Arabic as in English', async () => {
    const help = await getHelpIn(t, 'ar');
    expect(help).toContain('<span dir="ltr">01632 960 001</span>');
  });

  it('uses a setting given in the language, and shows an English one apart, saying it is English', async () => {
    const app = await createTestApp({
      env: {
        HELP_CENTRE_CY: 'y Ganolfan Gwasanaethau Cwsmeriaid, Neuadd y Dref, Stryd Fawr',
        HELP_PHONE_CY: '01632 960 002',
      },
    });
    try {
      const welsh = await getHelpIn(app, 'cy');
      // Welsh settings read inside the Welsh sentence.
      expect(welsh).toContain('Neu ewch i y Ganolfan Gwasanaethau Cwsmeriaid, Neuadd y Dref, Stryd Fawr.');
      expect(welsh).toContain('<span dir="ltr">01632 960 002</span>');
      // The hours have no Welsh value: English, marked as such, not inside a Welsh sentence.
      expect(welsh).toContain('Oriau agor (yn Saesneg): <span lang="en" dir="ltr">Monday to Friday, 9am to 5pm</span>');
      // Arabic has no settings of its own: every English one is set apart and labelled.
      const arabic = await getHelpIn(app, 'ar');
      expect(arabic).toContain('<span lang="en" dir="ltr">the Customer Centre, Town Hall, High Street</span>');
      expect(arabic).toContain('(بالإنجليزية)');
      expect(arabic).not.toMatch(/[\u0600-\u06FF][^<]*Customer Centre/);
      // English pages are as before.
      const english = await getHelpIn(app, 'en');
      expect(english).toContain('Or visit the Customer Centre, Town Hall, High Street.');
      expect(english).not.toContain('(in English)');
    } finally {
      await app.close();
    }
  });
});
