import { catalogue, exampleSubmissions, getPage, reachablePages } from '@tuo/shared';
import { adviserAddressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAssisted, typedAnswers } from '../support/assisted-journey.js';
import { pageModel, pagePost } from '../support/resident.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** An adviser signed in and helping a resident on the phone, at the start of moving home. */
async function assisting(): Promise<StaffClient> {
  const client = new StaffClient(t.app);
  expect((await client.signIn(await createTestStaff(t.database.db, 'adviser'))).statusCode).toBe(200);
  await startAssisted(client, 'moving-home');
  return client;
}

/** Every question page of moving home answered with the example's answers. */
async function answerEveryPage(client: StaffClient) {
  const answers = typedAnswers('moving-home');
  for (const page of reachablePages(catalogue['moving-home'], answers))
    expect((await client.form(`/moving-home/${page.path}`, pagePost(page, answers))).statusCode).toBe(303);
}

/** What the page reads as: no scripts, no markup, apostrophes unescaped, spaces folded. */
const text = (body: string) =>
  body
    .replace(/<script[^]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#x27;', "'")
    .replace(/\s+/g, ' ');

describe('an adviser’s own words on the resident pages around the questions', () => {
  it('choosing who to tell speaks to the adviser about the resident; the resident is spoken to', async () => {
    const adviser = await assisting();
    await answerEveryPage(adviser);
    const theirs = text((await adviser.page('/moving-home/who-to-tell')).body);
    expect(theirs).toContain('Who does the resident want us to tell?');
    expect(theirs).toContain("Based on the resident's answers, these services need to know.");
    expect(theirs).not.toContain('Who do you want us to tell?');

    const resident = new StaffClient(t.app);
    await resident.page('/start');
    await resident.form('/start', [['lifeEvent', 'moving-home']]);
    await answerEveryPage(resident);
    const own = text((await resident.page('/moving-home/who-to-tell')).body);
    expect(own).toContain('Who do you want us to tell?');
    expect(own).not.toContain('the resident');
  });

  it('the address look-up tells the adviser about too many look-ups, and its hint, in their words', async () => {
    const adviser = await assisting();
    const path = `/moving-home/${getPage(catalogue['moving-home'], 'old-address').path}`;
    await adviser.page(path);
    const find = () =>
      adviser.form(path, [
        ['_action', 'find-address:oldAddress'],
        ['oldAddress.postcode', 'NB2 7QT'],
      ]);
    const first = await find();
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('The addresses at this postcode are listed to choose from.');
    expect(text(first.body)).not.toContain('We will show you');
    for (let i = 1; i < 30; i += 1) await find();
    const refused = await find();
    expect(refused.statusCode).toBe(429);
    const model = pageModel(refused);
    expect(model.page === 'question' && model.props.form.errors).toEqual([
      { field: 'oldAddress.postcode', message: adviserAddressLookupMessages.tooManyLookups },
    ]);
  });
});

describe('an adviser helping a resident who reads another language', () => {
  it('sees the pages in English with the resident’s language noted, and the report is in the resident’s language', async () => {
    const adviser = await assisting();
    const chosen = await adviser.page('/moving-home/your-details?lang=cy');
    const page = await adviser.page('/moving-home/your-details');
    expect(page.body).toContain('<html lang="en"');
    const model = pageModel(page);
    expect(model.lang).toBe('en');
    expect(model.assisted).toMatchObject({ residentLanguage: 'cy' });
    expect(text(page.body)).toContain("The resident's language: Welsh (Cymraeg).");
    expect(text(page.body)).toContain('About the resident');
    expect(text(page.body)).toContain('Full name');
    expect([200, 303]).toContain(chosen.statusCode);

    // Its errors are the adviser's English ones, not a Welsh mixture.
    const empty = await adviser.form('/moving-home/your-details', []);
    expect(text(empty.body)).toContain("Enter the resident's full name");

    await answerEveryPage(adviser);
    await adviser.page('/moving-home/who-to-tell');
    await adviser.form(
      '/moving-home/who-to-tell',
      exampleSubmissions['moving-home'].consent.map((agency) => ['consent', agency] as const),
    );
    await adviser.page('/moving-home/declaration');
    expect((await adviser.form('/moving-home/declaration', [['declaration', 'heard-from-resident']])).statusCode).toBe(
      303,
    );
    const confirmation = pageModel(await adviser.page('/moving-home/confirmation'));
    if (confirmation.page !== 'confirmation') throw new Error('Expected the confirmation page');
    const submission = await t.database.db
      .selectFrom('submissions')
      .select(['language', 'channel'])
      .where('reference', '=', confirmation.props.reference)
      .executeTakeFirstOrThrow();
    expect(submission).toEqual({ language: 'cy', channel: 'assisted' });
  });
});
