import { exampleSubmissions, type AgencyKind, type LifeEventId } from '@tuo/shared';
import type { DeliveryStatus } from '@tuo/shared/api/submissions';
import type { DeliveryTransport } from '@tuo/shared/api/staff-submissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel } from '../support/resident.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
let adviser: TestStaff;
let admin: TestStaff;
const references: Partial<Record<LifeEventId, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  [adviser, admin] = [await createTestStaff(t.database.db, 'adviser'), await createTestStaff(t.database.db, 'admin')];
  for (const lifeEvent of ['someone-died', 'baby-born', 'moving-home'] as const) {
    const response = await submitConfirmed(t.app, exampleSubmissions[lifeEvent]);
    references[lifeEvent] = response.json<{ reference: string }>().reference;
  }
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};
const audits = (actorId: string, action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['submission_id', 'detail', 'address', 'at'])
    .where('actor_id', '=', actorId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('search', () => {
  it('finds partial, case-insensitive matches by name, postcode, reference and date of birth', async () => {
    const client = await signedIn(adviser);
    const found = async (query: string) =>
      (await client.api('GET', `/api/staff/search?${query}`))
        .json<{ results: { reference: string }[] }>()
        .results.map((r) => r.reference)
        .sort();
    const died = references['someone-died'] ?? '';
    expect(await found('name=OBRIE')).toEqual([died]);
    expect(await found(`name=${encodeURIComponent("o'brien")}`)).toEqual([died]);
    expect(await found('name=amara')).toEqual([references['baby-born']]);
    expect(await found('postcode=ls1')).toEqual([died]);
    expect(await found('postcode=cb1%202')).toEqual([references['baby-born']]);
    expect(await found(`reference=${died.slice(4, 10).toLowerCase()}`)).toEqual([died]);
    expect(await found('dateOfBirth=1941-03-27')).toEqual([died]);
    expect(await found('dateOfBirth=1941-03-27&name=amara')).toEqual([]);
    expect(await found('name=%25%25')).toEqual([]);
    expect((await client.api('GET', '/api/staff/search')).statusCode).toBe(400);
  });

  it('finds a full name within one person, and shows each person with their role', async () => {
    const client = await signedIn(adviser);
    const search = async (name: string) =>
      (await client.api('GET', `/api/staff/search?name=${encodeURIComponent(name)}`)).json<{
        results: { reference: string; people: { name: string; role: string }[] }[];
      }>().results;
    const died = references['someone-died'] ?? '';
    for (const name of ["Margaret O'Brien", 'margaret rose obrien', 'OBrien Margaret', "Sean O'Brien"])
      expect((await search(name)).map((r) => r.reference)).toEqual([died]);
    // Words from two different people never make one match.
    expect(await search('Margaret Sean')).toEqual([]);
    const [result] = await search('Margaret Rose');
    expect(result?.people).toEqual([
      { name: "Margaret Rose O'Brien", role: 'The person who died' },
      { name: "Sean O'Brien", role: 'The person reporting' },
    ]);
    const page = await client.form('/staff/search', [['name', "margaret o'brien"]]);
    expect(page.body).toContain('Margaret Rose O&#x27;Brien (the person who died)');
  });

  it('says what to enter when a search is sent empty', async () => {
    const client = await signedIn(adviser);
    const first = await client.page('/staff/search');
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('govuk-error-summary');
    const empty = await client.form('/staff/search', [
      ['reference', ''],
      ['name', ' '],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(
      'Enter a reference, name, date of birth, postcode, NHS number or National Insurance number',
    );
  });

  it('works as a GET form on the console, and audits which fields were searched but never the terms', async () => {
    const someone = await createTestStaff(t.database.db, 'adviser');
    const client = await signedIn(someone);
    const page = await client.page(
      '/staff/search?name=shah&postcode=&dateOfBirth.day=9&dateOfBirth.month=7&dateOfBirth.year=1986',
    );
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'search') throw new Error('Expected the search page');
    expect(model.props.results?.map((r) => r.reference)).toEqual([references['moving-home']]);
    expect(page.body).toContain('Priya Shah');
    const [audit] = await audits(someone.id, 'staff.searched');
    expect(audit?.detail).toMatchObject({ fields: ['name', 'dateOfBirth'], found: 1 });
    expect(JSON.stringify(audit?.detail)).not.toMatch(/shah|1986/i);
    expect(audit?.address).toBe('127.0.0.1');
    const invalid = await client.page('/staff/search?dateOfBirth.day=31&dateOfBirth.month=2&dateOfBirth.year=1986');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Date of birth must be a real date');
  });

  it('posts the console form, so a date of birth or NHS number searched for never sits in an address', async () => {
    const client = await signedIn(adviser);
    const form = pageModel(await client.page('/staff/search'));
    if (form.page !== 'staff' || form.props.view !== 'search') throw new Error('Expected the search page');
    expect(form.props.form.csrfToken).not.toBe('');
    const page = await client.form('/staff/search', [
      ['name', 'shah'],
      ['dateOfBirth.day', '9'],
      ['dateOfBirth.month', '7'],
      ['dateOfBirth.year', '1986'],
    ]);
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    expect(
      model.page === 'staff' && model.props.view === 'search' && model.props.results?.map((r) => r.reference),
    ).toEqual([references['moving-home']]);
    expect(page.body).toContain('method="post"');
    // Like every console form, it needs this session's token.
    expect((await client.form('/staff/search', [['name', 'shah']], { csrf: null })).statusCode).toBe(403);
  });
});

describe('a submission', () => {
  it('shows the answers, every delivery with its webhook id, and case notes; each view audited', async () => {
    const client = await signedIn(adviser);
    const reference = references['someone-died'] ?? '';
    const response = await client.api('GET', `/api/staff/submissions/${reference.toLowerCase()}`);
    expect(response.statusCode).toBe(200);
    const view = response.json<{
      answers: { label: string; lines: string[] }[];
      deliveries: { agency: string; status: string; webhookId: string; id: string }[];
      assisted: unknown;
    }>();
    // Staff read the answers as an officer would, not in the resident's own words.
    expect(view.answers).toContainEqual({ label: 'First name of the person who died', lines: ['Margaret'] });
    expect(view.answers).toContainEqual({ label: 'Name of the person reporting', lines: ["Sean O'Brien"] });
    expect(view.deliveries.map((d) => [d.agency, d.status])).toEqual([
      ['council', 'queued'],
      ['gp-practice', 'queued'],
      ['housing-provider', 'queued'],
      ['jobcentre', 'queued'],
    ]);
    expect(view.deliveries[0]?.webhookId).toBe(`msg_${(view.deliveries[0]?.id ?? '').replaceAll('-', '')}`);
    expect(view.assisted).toBeNull();
    const viewed = await audits(adviser.id, 'staff.submission.viewed');
    expect(viewed.at(-1)).toMatchObject({ address: '127.0.0.1' });
    expect(viewed.at(-1)?.submission_id).toBeTruthy();
    expect((await client.api('GET', '/api/staff/submissions/TUO-0000-0000')).statusCode).toBe(404);
  });

  it('takes a case note from the page form, shows it, and audits it without its text', async () => {
    const client = await signedIn(adviser);
    const reference = references['baby-born'] ?? '';
    await client.page(`/staff/submissions/${reference}`);
    const empty = await client.form(`/staff/submissions/${reference}/notes`, [['body', '  ']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the note');
    const saved = await client.form(`/staff/submissions/${reference}/notes`, [
      ['body', 'Mother phoned: GP letter not arrived yet'],
    ]);
    expect([saved.statusCode, saved.headers.location]).toEqual([
      303,
      `/staff/submissions/${reference}?done=note-added`,
    ]);
    const page = await client.page(saved.headers.location ?? '');
    expect(page.body).toContain('Mother phoned: GP letter not arrived yet');
    expect(page.body).toContain('Your case note has been saved');
    const [audit] = await audits(adviser.id, 'staff.case-note.added');
    expect(JSON.stringify(audit?.detail)).not.toContain('GP letter');
  });
});

describe('the dashboard', () => {
  it("counts today's submissions by life event and channel, lists troubled deliveries and the oldest unacknowledged per agency", async () => {
    const { db } = t.database;
    const reference = references['moving-home'] ?? '';
    const deliveries = await db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select(['deliveries.id', 'deliveries.agency'])
      .where('submissions.reference', '=', reference)
      .orderBy('agency')
      .execute();
    const [first, second] = deliveries;
    await db
      .updateTable('deliveries')
      .set({ status: 'failed', last_error: 'The agency said 400', attempts: 1 })
      .where('id', '=', first?.id ?? '')
      .execute();
    await db
      .updateTable('deliveries')
      .set({ status: 'delivered', delivered_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', second?.id ?? '')
      .execute();
    const client = await signedIn(adviser);
    const dashboard = (await client.api('GET', '/api/staff/dashboard')).json<{
      submissionsToday: unknown[];
      failing: { reference: string }[];
      waiting: unknown[];
      oldestUnacknowledged: { agency: string; reference: string }[];
    }>();
    expect(dashboard.submissionsToday).toEqual(
      expect.arrayContaining([
        { lifeEvent: 'someone-died', channel: 'online', count: 1 },
        { lifeEvent: 'moving-home', channel: 'online', count: 1 },
      ]),
    );
    expect(dashboard.failing).toEqual([
      expect.objectContaining({ reference, agency: first?.agency, lastError: 'The agency said 400' }),
    ]);
    expect(dashboard.waiting.length).toBeGreaterThan(0);
    expect(dashboard.oldestUnacknowledged).toEqual([expect.objectContaining({ agency: second?.agency, reference })]);
    const page = await client.page('/staff/dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The agency said 400');
  });
});

describe('the audit log', () => {
  it('lets an admin read and filter it, page by page, and records that they did', async () => {
    const client = await signedIn(admin);
    const byAction = (await client.api('GET', '/api/admin/audit?action=staff.submission.viewed')).json<{
      events: { action: string; actorId: string; actorEmail: string; address: string }[];
    }>();
    expect(byAction.events.length).toBeGreaterThan(0);
    expect(byAction.events.every((e) => e.action === 'staff.submission.viewed')).toBe(true);
    expect(byAction.events[0]).toMatchObject({ actorId: adviser.id, actorEmail: adviser.email, address: '127.0.0.1' });
    const byReference = (
      await client.api('GET', `/api/admin/audit?reference=${references['someone-died'] ?? ''}`)
    ).json<{ events: { action: string }[] }>();
    expect(byReference.events.map((e) => e.action)).toContain('submission.created');
    const first = (await client.api('GET', `/api/admin/audit?actorId=${adviser.id}&limit=2`)).json<{
      events: { id: string }[];
      nextBefore: string;
    }>();
    const second = (
      await client.api('GET', `/api/admin/audit?actorId=${adviser.id}&limit=2&before=${first.nextBefore}`)
    ).json<{ events: { id: string }[] }>();
    expect(first.events).toHaveLength(2);
    expect(Number(second.events[0]?.id)).toBeLessThan(Number(first.events[1]?.id));
    expect(await audits(admin.id, 'admin.audit.viewed')).toHaveLength(4);
    const page = await client.page(`/staff/audit?action=staff.case-note.added`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('staff.case-note.added');
  });

  it("reads as descriptions (codes kept), with details as words, and filters by a person's email", async () => {
    const client = await signedIn(admin);
    const byEmail = (
      await client.api('GET', `/api/admin/audit?email=${encodeURIComponent(adviser.email.toUpperCase())}`)
    ).json<{ events: { actorEmail: string }[] }>();
    expect(byEmail.events.length).toBeGreaterThan(0);
    expect(byEmail.events.every((e) => e.actorEmail === adviser.email)).toBe(true);
    const page = await client.page(`/staff/audit?email=${encodeURIComponent(adviser.email)}&action=staff.searched`);
    expect(page.statusCode).toBe(200);
    const main = page.body.slice(page.body.indexOf('<main')).replaceAll('<!-- -->', '');
    expect(main).toContain('Searched for submissions');
    expect(main).toContain('staff.searched');
    expect(main).toMatch(/fields: name/);
    expect(main).not.toContain('{&quot;');
    // A failed sign-in names the email tried, and filtering by that email finds it.
    const stranger = new StaffClient(t.app);
    await stranger.signIn({ ...adviser, password: 'not the password' });
    const tried = (await client.api('GET', `/api/admin/audit?email=${encodeURIComponent(adviser.email)}`)).json<{
      events: { action: string; detail: Record<string, unknown> }[];
    }>();
    expect(tried.events).toContainEqual(
      expect.objectContaining({ action: 'staff.sign-in.failed', detail: { email: adviser.email } }),
    );
    const failures = await client.page('/staff/audit?action=staff.sign-in.failed');
    expect(failures.body.replaceAll('<!-- -->', '')).toContain(`Failed to sign in to the staff console`);
  });

  it('cannot be changed: no route edits it and the database refuses', async () => {
    const client = await signedIn(admin);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
      expect((await client.api(method, '/api/admin/audit', {})).statusCode).toBe(404);
    const { db } = t.database;
    await expect(db.updateTable('audit_events').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(
      db.executeQuery({
        sql: 'truncate audit_events',
        parameters: [],
        query: { kind: 'RawNode', sqlFragments: ['truncate audit_events'], parameters: [] },
      } as never),
    ).rejects.toThrow(/append-only/);
  });
});

// Last: its deliveries would change the dashboard's counts above.
describe('staff wording', () => {
  it('names organisations and delivery states as an adviser needs them: unread in an inbox is not received', async () => {
    const client = await signedIn(adviser);
    const { reference } = (await submitConfirmed(t.app, exampleSubmissions['someone-died'])).json<{
      reference: string;
    }>();
    const deliveries = await t.database.db
      .selectFrom('deliveries as d')
      .innerJoin('submissions as s', 's.id', 'd.submission_id')
      .select(['d.id', 'd.agency', 'd.submission_id'])
      .where('s.reference', '=', reference)
      .execute();
    const set = (agency: AgencyKind, status: DeliveryStatus, transport: DeliveryTransport) =>
      t.database.db
        .updateTable('deliveries')
        .set({ status, transport })
        .where('id', '=', deliveries.find((d) => d.agency === agency)?.id ?? '')
        .execute();
    await set('council', 'delivered', 'inbox');
    await set('gp-practice', 'delivered', 'inbox');
    await set('housing-provider', 'delivered', 'webhook');
    await set('jobcentre', 'actioned', 'inbox');
    const gp = deliveries.find((d) => d.agency === 'gp-practice');
    await t.database.db
      .insertInto('audit_events')
      .values({
        actor_type: 'agency-user',
        action: 'agency.notification.viewed',
        submission_id: gp?.submission_id ?? '',
        detail: JSON.stringify({ agency: 'gp-practice', deliveryId: gp?.id }),
      })
      .execute();
    const page = await client.page(`/staff/submissions/${reference}`);
    const main = page.body.slice(page.body.indexOf('<main')).replaceAll('<!-- -->', '');
    for (const state of [
      'Council <strong class="govuk-tag govuk-tag--light-blue">Waiting in their inbox, unread</strong>',
      // The organisation told, then its kind: here the kind's fallback, as no practice was picked.
      'GP practices (not yet known) (GP practice) <strong class="govuk-tag govuk-tag--light-blue">Opened in their inbox, not yet acknowledged</strong>',
      'Received by their system, not yet acknowledged',
      'Done: they have acted on it',
    ])
      expect(main).toContain(state);
    expect(main).not.toMatch(/Your local council|Their local council|Your GP/);
  });
});
