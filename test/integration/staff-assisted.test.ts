import { catalogue, evaluateCondition, exampleSubmissions, reachablePages, type LifeEventId } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel, pagePost } from '../support/resident.js';
import { completeJourney, startAssisted, typedAnswers } from '../support/assisted-journey.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { AgencyPayloadV1 } from '@tuo/shared';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';

let t: TestApp;
let adviser: TestStaff;
beforeAll(async () => {
  t = await createTestApp();
  adviser = await createTestStaff(t.database.db, 'adviser');
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};

describe('verification of assisted reports', () => {
  it('skips the code, and one with identity documents seen reaches every agency at medium', async () => {
    const councilKey = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues')
    ).key;
    const worker = await startTestWorker(t.database, testConfig(t.database.url, { OUTBOX_RELAY_INTERVAL_MS: '20' }));
    try {
      const client = await signedIn(adviser);
      await client.api('POST', '/api/staff/assisted', {
        mode: 'face-to-face',
        identityChecks: ['photo-id', 'security-questions'],
        consentConfirmed: true,
      });
      const { reference, confirm } = await completeJourney(client, 'moving-home');
      expect(confirm).toBeNull();
      const notification = await waitFor(async () => {
        const inbox = await t.app.inject({
          method: 'GET',
          url: '/api/agency/notifications?limit=200',
          headers: { authorization: `Bearer ${councilKey}` },
        });
        return inbox
          .json<{ notifications: { reference: string; payload: AgencyPayloadV1 }[] }>()
          .notifications.find((n) => n.reference === reference);
      });
      expect(notification.payload.verification).toEqual({
        level: 'medium',
        channel: 'assisted',
        checks: [
          {
            kind: 'identity-documents-seen',
            by: `adviser:${adviser.id}`,
            at: expect.any(String) as string,
            detail: ['photo-id', 'security-questions'],
          },
        ],
      });
    } finally {
      await worker.stop();
    }
  });
});

describe('assisted transactions', () => {
  it("run the residents' own journeys and submit as assisted, in the adviser's name, with what they recorded", async () => {
    const client = await signedIn(adviser);
    const started = await client.api('POST', '/api/staff/assisted', {
      mode: 'phone',
      identityChecks: ['security-questions', 'called-back-on-known-number'],
      consentConfirmed: true,
    });
    expect(started.json()).toMatchObject({ assisting: { mode: 'phone' } });
    const confirmation = await completeJourney(client, 'baby-born');
    // The resident still gets their reference and tracking code (read out), and their own confirmation message.
    expect(confirmation.reference).toMatch(/^TUO-/);
    expect(confirmation.trackingSecret).toBeTruthy();
    const submission = await t.database.db
      .selectFrom('submissions')
      .select(['id', 'channel', 'envelope'])
      .where('reference', '=', confirmation.reference)
      .executeTakeFirstOrThrow();
    expect(submission.channel).toBe('assisted');
    expect((submission.envelope as { channel: string }).channel).toBe('assisted');
    // The consent record says who made the choices, for whom, and that the resident agreed.
    expect((submission.envelope as { consentGivenBy?: unknown }).consentGivenBy).toEqual({
      by: 'adviser',
      onBehalfOf: 'resident',
      staffId: adviser.id,
      mode: 'phone',
      residentAgreed: true,
    });
    const messages = await t.database.db
      .selectFrom('resident_messages')
      .select('channel')
      .where('submission_id', '=', submission.id)
      .execute();
    expect(messages.map((m) => m.channel)).toEqual(['sms']);
    const created = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('submission_id', '=', submission.id)
      .where('action', '=', 'submission.created')
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ actor_type: 'staff', actor_id: adviser.id, address: '127.0.0.1' });
    expect(created.detail).toMatchObject({
      channel: 'assisted',
      mode: 'phone',
      identityChecks: ['security-questions', 'called-back-on-known-number'],
      consentConfirmed: true,
      declaration: 'heard-from-resident',
    });
    await client.api('GET', '/api/staff/session');
    const view = (await client.api('GET', `/api/staff/submissions/${confirmation.reference}`)).json<{
      assisted: unknown;
    }>();
    expect(view.assisted).toEqual({
      staffId: adviser.id,
      staffEmail: adviser.email,
      // Without a display name, the console names the adviser by their email address.
      staffName: null,
      mode: 'phone',
      identityChecks: ['security-questions', 'called-back-on-known-number'],
      consentConfirmed: true,
    });
    const found = (await client.api('GET', '/api/staff/search?name=okafor')).json<{
      results: { reference: string; channel: string }[];
    }>();
    expect(found.results).toContainEqual(
      expect.objectContaining({ reference: confirmation.reference, channel: 'assisted' }),
    );
  });

  it('show the adviser banner and adviser wording on every resident page, and take the declaration as the adviser heard it', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser', undefined, { displayName: 'Priya Shah' });
    const client = await signedIn(someone);
    await client.api('POST', '/api/staff/assisted', {
      mode: 'phone',
      identityChecks: ['security-questions'],
      consentConfirmed: true,
    });
    const shownStart = await client.page('/start');
    expect(pageModel(shownStart).assisted).toEqual({
      adviser: 'Priya Shah',
      mode: 'phone',
      residentLanguage: 'en',
      residentName: null,
    });
    // The banner names the adviser as colleagues know them, not by their sign-in address.
    expect(shownStart.body).toContain('Signed in to the staff console as Priya Shah.');
    expect(shownStart.body).not.toContain(someone.email);
    const lifeEvent = 'someone-died';
    const answers = typedAnswers(lifeEvent);
    await client.form('/start', [['lifeEvent', lifeEvent]]);
    for (const page of reachablePages(catalogue[lifeEvent], answers)) {
      const shown = await client.page(`/${lifeEvent}/${page.path}`);
      expect(shown.body, page.path).toContain('Back to the staff console');
      expect(shown.body, page.path).toContain('Signed in to the staff console as Priya Shah.');
      if (page.id === 'about-you') {
        expect(shown.body).toContain('About the resident');
        expect(shown.body).toContain('The resident&#x27;s full name');
        expect(shown.body).not.toContain('Your full name');
      }
      await client.form(`/${lifeEvent}/${page.path}`, pagePost(page, answers));
    }
    // Once answered, the resident's own name leads the banner.
    const check = await client.page(`/${lifeEvent}/check-answers`);
    expect(pageModel(check).assisted?.residentName).toBe("Sean O'Brien");
    expect(check.body).toContain('You are helping Sean O&#x27;Brien on the phone.');
    expect(check.body).toContain('The resident you are helping');
    await client.page(`/${lifeEvent}/who-to-tell`);
    await client.form(`/${lifeEvent}/who-to-tell`, [['consent', 'council']]);
    const declaration = await client.page(`/${lifeEvent}/declaration`);
    expect(declaration.body).toContain('Read this to the resident and ask if they agree');
    // The resident's own declaration is not the adviser's to make.
    expect((await client.form(`/${lifeEvent}/declaration`, [['declaration', 'confirmed']])).statusCode).toBe(400);
    const sent = await client.form(`/${lifeEvent}/declaration`, [['declaration', 'heard-from-resident']]);
    expect(sent.statusCode).toBe(303);
    const created = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('actor_id', '=', someone.id)
      .where('action', '=', 'submission.created')
      .executeTakeFirstOrThrow();
    expect(created.detail).toMatchObject({ mode: 'phone', declaration: 'heard-from-resident' });
    // A resident on their own sees none of it.
    const resident = new StaffClient(t.app);
    const own = await resident.page('/start');
    expect(pageModel(own).assisted).toBeUndefined();
    expect(own.body).not.toContain('Back to the staff console');
  });

  it('name an adviser without a display name in the banner by their email', async () => {
    const unnamed = await createTestStaff(t.database.db, 'adviser');
    const client = await signedIn(unnamed);
    await client.api('POST', '/api/staff/assisted', {
      mode: 'face-to-face',
      identityChecks: ['photo-id'],
      consentConfirmed: true,
    });
    const start = await client.page('/start');
    expect(pageModel(start).assisted?.adviser).toBe(unnamed.email);
    expect(start.body).toContain(`Signed in to the staff console as ${unnamed.email}.`);
  });

  it("show an adviser the page's errors about the resident, the resident their own", async () => {
    const client = await signedIn(await createTestStaff(t.database.db, 'adviser'));
    await startAssisted(client, 'moving-home');
    // A page posted empty: the error summary speaks to the adviser about the resident.
    const empty = await client.form('/moving-home/your-details', []);
    expect(empty.statusCode).toBe(400);
    expect(pageModel(empty).props).toMatchObject({
      form: {
        errors: [
          { field: 'fullName', message: "Enter the resident's full name" },
          { field: 'dateOfBirth', message: "Enter the resident's date of birth" },
        ],
      },
    });
    expect(empty.body).toContain('Enter the resident&#x27;s full name');
    expect(empty.body).not.toContain('Enter your full name');
    const resident = new StaffClient(t.app);
    await resident.page('/start');
    await resident.form('/start', [['lifeEvent', 'moving-home']]);
    const own = await resident.form('/moving-home/your-details', []);
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('Enter your full name');
    expect(own.body).not.toContain('the resident');
  });

  it('word every page of every journey for the adviser, wherever the resident is spoken to', async () => {
    // Resident words that speak to the resident ("your", "I am") need the adviser's own ("their", "the resident").
    const addressesResident = /\b(you|your|yours|I|my|me)\b/i;
    const missing = Object.values(catalogue).flatMap((journey) =>
      journey.pages.flatMap((page) => {
        const adviser = page.wording?.adviser;
        const pageWords = [
          ['title', page.title, adviser?.title],
          ['hint', page.hint, adviser?.hint],
          ['section', page.section, adviser?.section],
        ] as const;
        return [
          ...pageWords
            .filter(([, own, theirs]) => own && addressesResident.test(own) && !theirs)
            .map(([what]) => `${journey.id} ${page.id} ${what}`),
          ...page.fields.flatMap((field) => [
            ...(addressesResident.test(field.label) && !field.wording?.adviser?.label
              ? [`${journey.id} ${field.name} label`]
              : []),
            ...(field.hint && addressesResident.test(field.hint) && !field.wording?.adviser?.hint
              ? [`${journey.id} ${field.name} hint`]
              : []),
            ...(field.options ?? [])
              .filter((option) => addressesResident.test(option.label) && !option.wording)
              .map((option) => `${journey.id} ${field.name}.${option.value}`),
          ]),
        ];
      }),
    );
    expect(missing).toEqual([]);

    // And each page shows its adviser's words during an assisted transaction.
    const client = await signedIn(await createTestStaff(t.database.db, 'adviser'));
    await client.api('POST', '/api/staff/assisted', {
      mode: 'phone',
      identityChecks: ['security-questions'],
      consentConfirmed: true,
    });
    const html = (text: string) => text.replaceAll("'", '&#x27;').replaceAll('"', '&quot;');
    for (const lifeEvent of Object.keys(catalogue) as LifeEventId[]) {
      const answers = typedAnswers(lifeEvent);
      await client.page('/start');
      await client.form('/start', [['lifeEvent', lifeEvent]]);
      for (const page of reachablePages(catalogue[lifeEvent], answers)) {
        const shown = (await client.page(`/${lifeEvent}/${page.path}`)).body;
        const words = [
          page.wording?.adviser?.title,
          page.wording?.adviser?.hint,
          ...page.fields
            .filter((field) => !field.showWhen || evaluateCondition(field.showWhen, answers))
            .flatMap((field) => [
              // A people field's rows are labelled per person ("Person 1"): its own label is for summaries.
              field.kind === 'people' ? undefined : field.wording?.adviser?.label,
              field.wording?.adviser?.hint,
              ...(field.options ?? []).flatMap((option) => [
                option.wording?.adviser.label,
                option.wording?.adviser.hint,
              ]),
            ]),
        ].filter((text): text is string => text !== undefined);
        for (const text of words) expect(shown, `${lifeEvent}/${page.path}`).toContain(html(text));
        if (page.wording?.adviser?.title)
          expect(shown, `${lifeEvent}/${page.path}`).not.toContain(`>${html(page.title)}<`);
        expect((await client.form(`/${lifeEvent}/${page.path}`, pagePost(page, answers))).statusCode).toBe(303);
      }
    }
  });

  it('take only identity checks that fit the channel: no photo ID on the phone', async () => {
    const client = await signedIn(adviser);
    const phone = await client.api('POST', '/api/staff/assisted', {
      mode: 'phone',
      identityChecks: ['photo-id'],
      consentConfirmed: true,
    });
    expect(phone.statusCode).toBe(400);
    const [error] = phone.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(error?.path).toBe('identityChecks');
    expect(error?.message).toContain('Photo ID cannot be checked on the phone');
    await client.page('/staff/assisted');
    const called = await client.form('/staff/assisted', [
      ['mode', 'face-to-face'],
      ['identityChecks', 'called-back-on-known-number'],
      ['consentConfirmed', 'yes'],
    ]);
    expect(called.statusCode).toBe(400);
    expect(called.body).toContain('A call back on a number we hold cannot be checked face to face');
  });

  it('start afresh for each resident: starting forgets the journey in this browser', async () => {
    const client = await signedIn(adviser);
    await client.page('/start');
    await client.form('/start', [['lifeEvent', 'moving-home']]);
    const residentSid = client.cookies.get('tuo-session');
    expect(residentSid).toBeDefined();
    await client.page('/staff/assisted');
    const start = await client.form('/staff/assisted', [
      ['mode', 'face-to-face'],
      ['identityChecks', 'photo-id'],
      ['consentConfirmed', 'yes'],
    ]);
    expect([start.statusCode, start.headers.location]).toEqual([303, '/start']);
    expect(client.cookies.has('tuo-session')).toBe(false);
    expect(await t.database.db.selectFrom('sessions').select('sid').execute()).not.toContainEqual({
      sid: decodeURIComponent(residentSid ?? '').split('.')[0],
    });
  });

  it('need what the adviser must record, and are otherwise online: nobody else can claim assisted', async () => {
    const client = await signedIn(adviser);
    await client.page('/staff/assisted');
    const missing = await client.form('/staff/assisted', [['mode', 'phone']]);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select the checks you made');
    expect(missing.body).toContain('Confirm the resident agreed');
    const viaApi = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: { ...exampleSubmissions['baby-born'], channel: 'assisted' },
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json()).toMatchObject({ errors: [{ path: 'channel' }] });
    // Signed in but not assisting: the adviser's own report is an ordinary online one.
    await client.api('GET', '/api/staff/session');
    await client.api('POST', '/api/staff/assisted/end');
    const own = await completeJourney(client, 'someone-moving-in-or-out', false);
    const row = await t.database.db
      .selectFrom('submissions')
      .select('channel')
      .where('reference', '=', own.reference)
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('online');
  });
});
