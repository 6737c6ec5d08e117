import { createHash } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel, Resident } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      HELP_PHONE: '01632 960 123',
      HELP_HOURS: 'Mondays, 10am to 4pm',
      HELP_CENTRE: 'the Civic Centre, Market Square',
    },
  });
});
afterAll(async () => {
  await t.close();
});

async function submit(): Promise<{ reference: string; trackingSecret: string }> {
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  expect(res.statusCode).toBe(201);
  return res.json();
}

const status = (reference: string, secret: string) =>
  t.app.inject({ method: 'GET', url: `/api/submissions/${reference}/status`, headers: { 'tracking-secret': secret } });

async function track(pairs: [string, string][]) {
  const resident = new Resident(t.app);
  await resident.get('/track');
  const res = await resident.post('/track', pairs);
  const model = pageModel(res);
  if (model.page !== 'track') throw new Error(`Expected the track page, got ${model.page}`);
  return { res, props: model.props };
}

describe('tracking codes', () => {
  it('are four groups of five Crockford characters, kept only as a hash', async () => {
    const { reference, trackingSecret } = await submit();
    expect(trackingSecret).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const stored = await t.database.db
      .selectFrom('submissions')
      .select('tracking_secret_hash')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(stored.tracking_secret_hash).not.toContain(trackingSecret.replaceAll('-', '').slice(0, 10));
  });

  it('match however they are typed: lower case, spaces for hyphens, l or i for 1 and o for 0', async () => {
    const { reference, trackingSecret } = await submit();
    const typed = ` ${trackingSecret.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'o')} `;
    expect((await status(reference, typed)).statusCode).toBe(200);
    const { res, props } = await track([
      ['reference', reference.toLowerCase()],
      ['secret', trackingSecret.replaceAll('-', '').toLowerCase().replaceAll('1', 'i')],
    ]);
    expect(res.statusCode).toBe(200);
    expect(props.result?.reference).toBe(reference);
  });

  it('opened from the link in an email, shows progress without writing the code into the page', async () => {
    const { reference, trackingSecret } = await submit();
    const res = await new Resident(t.app).get(`/track?reference=${reference}&secret=${trackingSecret}`);
    expect(res.statusCode).toBe(200);
    const model = pageModel(res);
    expect(model.page === 'track' && model.props.result?.reference).toBe(reference);
    // Not in the page model, nor in the language links made from the page's address.
    expect(res.body).not.toContain(trackingSecret);
    expect(model.url).toBe(`/track?reference=${reference}`);
  });

  it('refuse another code, and still honour a secret issued before tracking codes existed', async () => {
    const { reference, trackingSecret } = await submit();
    const other = trackingSecret.startsWith('2') ? `3${trackingSecret.slice(1)}` : `2${trackingSecret.slice(1)}`;
    expect((await status(reference, other)).statusCode).toBe(404);
    const legacy = 'Qm9vdHN0cmFwcGVkLXNlY3JldC0x_-';
    await t.database.db
      .updateTable('submissions')
      .set({ tracking_secret_hash: createHash('sha256').update(legacy).digest('base64url') })
      .where('reference', '=', reference)
      .execute();
    expect((await status(reference, legacy)).statusCode).toBe(200);
    // Base64url is case-sensitive: the legacy secret is compared exactly.
    expect((await status(reference, legacy.toLowerCase())).statusCode).toBe(404);
    const { props } = await track([
      ['reference', reference],
      ['secret', legacy],
    ]);
    expect(props.result?.reference).toBe(reference);
  });
});

describe('/track', () => {
  it('puts each mistake on its own field, in page order, GOV.UK style', async () => {
    const empty = await track([]);
    expect(empty.res.statusCode).toBe(400);
    expect(empty.props.form.errors).toEqual([
      { field: 'reference', message: pageMessages.referenceMissing },
      { field: 'secret', message: pageMessages.trackingCodeMissing },
    ]);
    const wrongFormat = await track([
      ['reference', 'TUO-7K3M-9Q2M'],
      ['secret', '12345'],
    ]);
    expect(wrongFormat.props.form.errors).toEqual([{ field: 'secret', message: pageMessages.trackingCodeFormat }]);
    expect(wrongFormat.res.body).toMatch(/<p id="secret-error" class="govuk-error-message">/);
    expect(wrongFormat.res.body).toContain('aria-describedby="secret-hint secret-error"');
    expect(wrongFormat.res.body).toContain('href="#secret"');
  });

  it('explains the code and what to do without it, with the configured helpline and customer centre', async () => {
    const page = (await new Resident(t.app).get('/track')).body.replaceAll('<!-- -->', '');
    expect(page).toContain('It is 20 letters and numbers in four groups');
    expect(page).toContain('I have lost my reference or tracking code');
    expect(page).toContain('Otherwise, call or visit us.');
    expect(page).toContain('Telephone: <span dir="ltr">01632 960 123</span>');
    expect(page).toContain('Mondays, 10am to 4pm');
    expect(page).toContain('Or visit the Civic Centre, Market Square.');
  });
});

describe('resident pages', () => {
  it('end with "Get help" from the configuration, and carry no link to the agencies\' API', async () => {
    const resident = new Resident(t.app);
    for (const path of ['/', '/start', '/track', '/no-such-page']) {
      const body = (await resident.get(path)).body.replaceAll('<!-- -->', '');
      expect(body, path).toContain('<h2 class="govuk-heading-m" id="get-help-heading">Get help</h2>');
      expect(body, path).toContain('Telephone: <span dir="ltr">01632 960 123</span>');
      expect(body, path).not.toContain('href="/api/openapi.json"');
    }
  });

  it('are not where the staff console shows it, nor its agencies link', async () => {
    const body = (await new Resident(t.app).get('/staff/sign-in')).body;
    expect(body).not.toContain('id="get-help-heading"');
    expect(body).toContain('href="/api/openapi.json"');
  });
});
