import { exampleSubmissions, type AgencyKind } from '@tuo/shared';
import type { PageModel } from '@tuo/shared/pages/page-model';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import {
  AgencyClient,
  createTestAgencyUser,
  signedInAgencyClient,
  type TestAgencyUser,
} from '../support/agency-client.js';
import { pageModel } from '../support/resident.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { waitUntilDelivered } from '../support/wait-until-delivered.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';

let t: TestApp;
let worker: RunningWorker;
let councilUser: TestAgencyUser;
let nhsUser: TestAgencyUser;
let adviser: TestStaff;
const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };

beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  [councilUser, nhsUser, adviser] = [
    await createTestAgencyUser(t.database.db, 'council'),
    await createTestAgencyUser(t.database.db, 'gp-practice'),
    await createTestStaff(t.database.db, 'adviser'),
  ];
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

/** Submits and waits until every agency holds it; returns the reference, tracking secret and each agency's delivery id. */
async function submitAndDeliver(lifeEvent: keyof typeof exampleSubmissions = 'someone-died') {
  const res = await submitConfirmed(t.app, exampleSubmissions[lifeEvent]);
  const { reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>();
  const delivered = await waitUntilDelivered(t.database.db, reference);
  const ids = Object.fromEntries(Object.entries(delivered).map(([agency, row]) => [agency, row.id])) as Partial<
    Record<AgencyKind, string>
  >;
  return { reference, trackingSecret, ids };
}

function agencyProps(response: LightMyRequestResponse): AgencyPageProps {
  const model: PageModel = pageModel(response);
  if (model.page !== 'agency') throw new Error(`Expected an agency page, got ${model.page}`);
  return model.props;
}
const audits = (actorId: string, action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_type', 'submission_id', 'detail', 'address'])
    .where('actor_id', '=', actorId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const trackedStatus = async (reference: string, trackingSecret: string, agency: AgencyKind) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    })
  )
    .json<{ agencies: { agency: string; status: string }[] }>()
    .agencies.find((a) => a.agency === agency)?.status;

describe('signing in to the agency portal', () => {
  it('takes agency accounts only, with one answer for any failure, and audits each attempt', async () => {
    const client = new AgencyClient(t.app);
    const wrong = await client.signInWithForm({ email: councilUser.email, password: 'not it' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter a correct email address and password');
    const staffHere = await new AgencyClient(t.app).signInWithForm(adviser);
    expect(staffHere.statusCode).toBe(401);
    const ok = await client.signInWithForm(councilUser);
    expect(ok.headers.location).toBe('/agency/notifications');
    expect(client.agencyCookie).toBeDefined();
    expect(await audits(councilUser.id, 'agency.signed-in')).toHaveLength(1);
  });

  it('refuses agency accounts on the staff console’s sign-in (form and API)', async () => {
    const staffClient = new StaffClient(t.app);
    expect((await staffClient.signIn(councilUser)).statusCode).toBe(401);
    await staffClient.page('/staff/sign-in');
    expect(
      (
        await staffClient.form('/staff/sign-in', [
          ['email', councilUser.email],
          ['password', councilUser.password],
        ])
      ).statusCode,
    ).toBe(401);
  });
});

describe('agency users and staff stay on their own side', () => {
  it('refuses a signed-in agency user on /staff pages and staff APIs, even with its cookie renamed', async () => {
    const client = await signedInAgencyClient(t.app, councilUser);
    expect((await client.page('/staff/dashboard')).headers.location).toBe('/staff/sign-in');
    expect((await client.api('GET', '/api/staff/dashboard')).statusCode).toBe(401);
    const asStaffCookie = { cookie: `tuo-staff=${client.agencyCookie ?? ''}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: asStaffCookie })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: asStaffCookie })).statusCode).toBe(
      401,
    );
  });

  it('refuses a signed-in staff member on /agency pages and the agency APIs, even with their cookie renamed', async () => {
    const staffClient = new StaffClient(t.app);
    expect((await staffClient.signIn(adviser)).statusCode).toBe(200);
    expect((await staffClient.page('/agency/notifications')).headers.location).toBe('/agency/sign-in');
    expect((await staffClient.api('GET', '/api/agency-portal/keys')).statusCode).toBe(401);
    expect((await staffClient.api('GET', '/api/agency/notifications')).statusCode).toBe(401);
    const asAgencyCookie = { cookie: `tuo-agency=${staffClient.staffCookie ?? ''}`, accept: 'text/html' };
    expect(
      (await t.app.inject({ method: 'GET', url: '/agency/notifications', headers: asAgencyCookie })).headers.location,
    ).toBe('/agency/sign-in');
  });

  it('keeps agency users out of admin pages, and audits the refusal', async () => {
    const client = await signedInAgencyClient(t.app, councilUser);
    const refused = await client.page('/agency/keys');
    expect(refused.statusCode).toBe(403);
    expect(agencyProps(refused)).toMatchObject({ view: 'message', message: 'forbidden' });
    expect((await audits(councilUser.id, 'agency.access-refused')).at(-1)?.detail).toMatchObject({
      agency: 'council',
      needed: 'agency-admin',
    });
  });
});

describe('one agency never reaches another’s notifications', () => {
  it('refuses an NHS user the council’s notification (view, acknowledge, action, list, export) and the NHS key on the API', async () => {
    const { ids } = await submitAndDeliver();
    const councilId = ids.council ?? '';
    const nhs = await signedInAgencyClient(t.app, nhsUser);
    expect((await nhs.page(`/agency/notifications/${councilId}`)).statusCode).toBe(404);
    await nhs.page('/agency/notifications');
    expect((await nhs.form(`/agency/notifications/${councilId}/acknowledge`)).statusCode).toBe(404);
    expect((await nhs.form(`/agency/notifications/${councilId}/actioned`, [['outcome', 'Done']])).statusCode).toBe(404);
    const list = agencyProps(await nhs.page('/agency/notifications?status=all'));
    if (list.view !== 'notifications') throw new Error('Expected the work list');
    const nhsIds = (
      await t.database.db.selectFrom('deliveries').select('id').where('agency', '=', 'gp-practice').execute()
    ).map((r) => r.id);
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) expect(nhsIds).toContain(item.id);
    const csv = await nhs.page('/agency/notifications.csv?status=all');
    expect(csv.body.split('\r\n').filter((line) => line.startsWith('"TUO-')).length).toBe(nhsIds.length);
    const nhsKey = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP system')
    ).key;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/agency/notifications/${councilId}/acknowledge`,
          headers: { authorization: `Bearer ${nhsKey}` },
        })
      ).statusCode,
    ).toBe(404);
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status'])
      .where('id', '=', councilId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    expect(await audits(nhsUser.id, 'agency.notification.viewed')).toEqual([]);
  });
});

describe('working a notification in the portal', () => {
  it('shows only the fields routed to the agency, labelled from the catalogue, and audits the view against the submission', async () => {
    const { ids } = await submitAndDeliver();
    const client = await signedInAgencyClient(t.app, councilUser);
    const props = agencyProps(await client.page(`/agency/notifications/${ids.council ?? ''}`));
    if (props.view !== 'notification') throw new Error('Expected a notification');
    const labels = props.notification.rows.map((row) => row.label);
    expect(labels).toContain('When did they die?');
    // Labelled for the officer, not in the resident's own words.
    expect(labels).toContain('Name of the person reporting');
    expect(labels).not.toContain('Your full name');
    expect(props.notification.rows.find((row) => row.label === 'When did they die?')?.lines).toEqual([
      '14 January 2025',
    ]);
    expect(JSON.stringify(props)).not.toMatch(/9434765919|943 476 5919|AB123456C|AB 12 34 56 C/);
    const [viewed] = await audits(councilUser.id, 'agency.notification.viewed');
    const submission = await t.database.db
      .selectFrom('deliveries')
      .select('submission_id')
      .where('id', '=', ids.council ?? '')
      .executeTakeFirstOrThrow();
    expect(viewed).toMatchObject({
      actor_type: 'agency-user',
      submission_id: submission.submission_id,
      detail: { agency: 'council', deliveryId: ids.council },
    });
  });

  it('acknowledges and actions through the agency inbox code: the resident and staff see it, and it is audited', async () => {
    const { reference, trackingSecret, ids } = await submitAndDeliver();
    const id = ids.council ?? '';
    const client = await signedInAgencyClient(t.app, councilUser);
    await client.page(`/agency/notifications/${id}`);
    expect((await client.form(`/agency/notifications/${id}/acknowledge`, [], { csrf: null })).statusCode).toBe(403);
    const acknowledged = await client.form(`/agency/notifications/${id}/acknowledge`);
    expect(acknowledged.headers.location).toBe(`/agency/notifications/${id}?done=acknowledged`);
    expect(await trackedStatus(reference, trackingSecret, 'council')).toBe('acknowledged');

    const empty = await client.form(`/agency/notifications/${id}/actioned`, [['outcome', '  ']]);
    expect(empty.statusCode).toBe(400);
    expect(agencyProps(empty)).toMatchObject({
      view: 'notification',
      form: { errors: [{ field: 'outcome', message: 'Say what was done' }] },
    });
    const long = await client.form(`/agency/notifications/${id}/actioned`, [['outcome', 'x'.repeat(2001)]]);
    expect(long.statusCode).toBe(400);
    expect(agencyProps(long)).toMatchObject({
      form: {
        errors: [{ field: 'outcome', message: 'Outcome must be 2000 characters or fewer' }],
        values: { outcome: 'x'.repeat(2001) },
      },
    });
    const done = await client.form(`/agency/notifications/${id}/actioned`, [
      ['outcome', 'Council tax account closed from 14 January'],
    ]);
    expect(done.headers.location).toBe(`/agency/notifications/${id}?done=actioned`);
    expect(await trackedStatus(reference, trackingSecret, 'council')).toBe('actioned');

    const staffClient = new StaffClient(t.app);
    await staffClient.signIn(adviser);
    const view = (await staffClient.api('GET', `/api/staff/submissions/${reference}`)).json<{
      deliveries: { agency: string; status: string; outcome: string | null }[];
    }>();
    expect(view.deliveries.find((d) => d.agency === 'council')).toMatchObject({
      status: 'actioned',
      outcome: 'Council tax account closed from 14 January',
    });
    const trail = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_type', 'actor_id', 'address'])
      .where('action', 'in', ['notification.acknowledged', 'notification.actioned'])
      .where('actor_id', '=', councilUser.id)
      .execute();
    expect(trail.map((a) => [a.action, a.actor_type, a.address])).toEqual([
      ['notification.acknowledged', 'agency-user', '127.0.0.1'],
      ['notification.actioned', 'agency-user', '127.0.0.1'],
    ]);
  });
});

describe('the work list', () => {
  it('filters by status tab, life event and delivery date, pages, and audits each view', async () => {
    const user = await createTestAgencyUser(t.database.db, 'council');
    const client = await signedInAgencyClient(t.app, user);
    await Promise.all(Array.from({ length: 26 }, () => submitConfirmed(t.app, exampleSubmissions['moving-home'])));
    await waitFor(async () =>
      (await t.database.db.selectFrom('deliveries').select('id').where('status', 'in', ['queued', 'sending']).execute())
        .length === 0
        ? true
        : undefined,
    );
    const list = async (query: string) => {
      const props = agencyProps(await client.page(`/agency/notifications${query}`));
      if (props.view !== 'notifications') throw new Error('Expected the work list');
      return props;
    };
    const counts = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select(['deliveries.status', 'submissions.life_event'])
      .where('agency', '=', 'council')
      .execute();
    const moving = counts.filter((r) => r.life_event === 'moving-home' && r.status === 'delivered').length;
    const first = await list('?lifeEvent=moving-home');
    expect(first.total).toBe(moving);
    expect(first.items).toHaveLength(25);
    expect(first.nextHref).toBe('/agency/notifications?lifeEvent=moving-home&page=2');
    const second = await list('?lifeEvent=moving-home&page=2');
    expect(second.items).toHaveLength(moving - 25);
    expect(second.previousHref).toBe('/agency/notifications?lifeEvent=moving-home');
    expect((await list('?status=actioned')).items.every((item) => item.status === 'actioned')).toBe(true);
    expect((await list('?status=all')).total).toBe(counts.length);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect((await list(`?status=all&from=${today}&to=${today}`)).total).toBe(counts.length);
    expect((await list('?status=all&to=2020-01-01')).total).toBe(0);
    const bad = await client.page('/agency/notifications?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(agencyProps(bad)).toMatchObject({
      form: { errors: [{ field: 'from', message: 'Delivered from must be a real date' }] },
    });
    const listed = await audits(user.id, 'agency.notifications.listed');
    expect(listed[0]?.detail).toMatchObject({
      agency: 'council',
      status: 'delivered',
      filters: ['lifeEvent'],
      page: 1,
    });
    expect((listed[0]?.detail as { deliveries: string[] }).deliveries).toEqual(first.items.map((item) => item.id));
  });
});

describe('exporting the work list as CSV', () => {
  it('holds the filtered notifications with their answers, neutralises formulas, and audits what left', async () => {
    const user = await createTestAgencyUser(t.database.db, 'housing-provider');
    const { reference, ids } = await submitAndDeliver();
    const client = await signedInAgencyClient(t.app, user);
    await client.page(`/agency/notifications/${ids['housing-provider'] ?? ''}`);
    await client.form(`/agency/notifications/${ids['housing-provider'] ?? ''}/actioned`, [
      ['outcome', '=HYPERLINK("http://evil.example","Click") and "quoted"'],
    ]);
    const csv = await client.page('/agency/notifications.csv?status=actioned');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="notifications-housing-provider-actioned-exported-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = csv.body.replace(/^\uFEFF/, '');
    // One column per answer, labelled for the officer; times in UK local time.
    const header = text.split('\r\n')[0] ?? '';
    expect(header).toMatch(
      /^"Reference","Life event","Status","Delivered","Acknowledged","Actioned","Outcome","Possible duplicate of","Verification level","Verification checks","First name of the person who died",/,
    );
    expect(header).toContain('"When did they die?"');
    expect(header).toContain('"Name of the person reporting"');
    // Every cell is quoted, with quotes doubled (see csvCell).
    const cellsOf = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1] ?? '');
    const cells = cellsOf(text.split('\r\n').find((line) => line.startsWith(`"${reference}"`)) ?? '');
    const column = (label: string) => cells[cellsOf(header).indexOf(label)];
    expect(cells.slice(0, 3)).toEqual([reference, 'Someone has died', 'Actioned']);
    expect(column('Delivered')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(column('When did they die?')).toBe('14 January 2025');
    expect(column('Name of the person reporting')).toBe("Sean O'Brien");
    expect(column('Verification level')).toBe('low');
    expect(column('Verification checks')).toContain('contact-confirmed (email, ');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"") and ""quoted"""');
    // "All" exports every tab, and the file says so.
    const all = await client.page('/agency/notifications.csv?status=all&lifeEvent=someone-died');
    expect(all.headers['content-disposition']).toMatch(
      /filename="notifications-housing-provider-all-statuses-someone-died-exported-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(all.body).toContain(`"${reference}","Someone has died","Actioned"`);
    expect(text).not.toContain('AB123456C');
    const [exported] = await audits(user.id, 'agency.notifications.exported');
    expect(exported?.detail).toMatchObject({
      agency: 'housing-provider',
      status: 'actioned',
      count: 1,
      deliveries: [ids['housing-provider']],
    });
  });
});
