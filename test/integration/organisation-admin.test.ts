import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The directory administered in the staff console: admins only, every view and change audited,
// GOV.UK errors for what the directory refuses.

let t: TestApp;
let admin: TestStaff;
let adminClient: StaffClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createTestStaff(t.database.db, 'admin');
  adminClient = new StaffClient(t.app);
  expect((await adminClient.signIn(admin)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const audited = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_id', 'detail'])
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .execute();

const add = (body: object) => adminClient.api('POST', '/api/admin/organisations', body);

/** The error summary's entries: each link's target and words. */
const errorSummary = (html: string) =>
  [...html.matchAll(/<li><a href="#([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)].map(([, field, message]) => ({
    field,
    message: message?.replaceAll('&#x27;', '’'),
  }));

describe('administering the directory', () => {
  it('is for admins only: advisers and supervisors are refused every page and call, and nothing changes', async () => {
    const made = (await add({ kind: 'jobcentre', name: 'Eastgate Jobcentre Plus' })).json<AdminOrganisation>();
    for (const role of ['adviser', 'supervisor'] as const) {
      const who = await createTestStaff(t.database.db, role);
      const client = new StaffClient(t.app);
      expect((await client.signIn(who)).statusCode).toBe(200);
      for (const url of [
        '/staff/organisations',
        '/staff/organisations/new',
        `/staff/organisations/${made.id}`,
        `/staff/organisations/${made.id}/change`,
      ])
        expect((await client.page(url)).statusCode, url).toBe(403);
      for (const url of ['/api/admin/organisations', `/api/admin/organisations/${made.id}`])
        expect((await client.api('GET', url)).statusCode, url).toBe(403);
      expect((await client.api('POST', '/api/admin/organisations', { kind: 'jobcentre', name: 'X' })).statusCode).toBe(
        403,
      );
      expect(
        (await client.api('PUT', `/api/admin/organisations/${made.id}/enabled`, { enabled: false })).statusCode,
      ).toBe(403);
      await client.page('/staff/dashboard');
      expect((await client.form(`/staff/organisations/${made.id}`, [['enabled', 'no']])).statusCode).toBe(403);
      expect((await audited('staff.access-refused')).some((row) => row.actor_id === who.id)).toBe(true);
    }
    expect((await new StaffClient(t.app).api('GET', '/api/admin/organisations')).statusCode).toBe(401);
    expect(
      (await adminClient.api('GET', `/api/admin/organisations/${made.id}`)).json<AdminOrganisation>(),
    ).toMatchObject({ name: 'Eastgate Jobcentre Plus', enabled: true });
  });

  it('adds, reads and changes an organisation with its settings over the API, audited', async () => {
    const response = await add({
      kind: 'gp-practice',
      name: 'Mill Street Surgery',
      code: 'Y91001',
      areas: ['NB1'],
      postcode: 'NB1 9ZZ',
      settings: { targets: { acknowledgeDays: 1, actionDays: 3 } },
    });
    expect(response.statusCode).toBe(201);
    const made = response.json<AdminOrganisation>();
    expect(made).toEqual({
      id: made.id,
      kind: 'gp-practice',
      name: 'Mill Street Surgery',
      code: 'Y91001',
      areas: ['NB1'],
      postcode: 'NB1 9ZZ',
      fallback: false,
      enabled: true,
      settings: { targets: { acknowledgeDays: 1, actionDays: 3 } },
    });
    const changed = await adminClient.api('PUT', `/api/admin/organisations/${made.id}`, {
      name: 'Mill Street Medical Centre',
      code: 'Y91001',
      areas: ['NB1', 'NB2'],
      settings: { verificationMinimum: 'medium' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<AdminOrganisation>()).toMatchObject({
      kind: 'gp-practice',
      name: 'Mill Street Medical Centre',
      areas: ['NB1', 'NB2'],
      settings: { verificationMinimum: 'medium' },
    });
    expect(changed.json<AdminOrganisation>()).not.toHaveProperty('postcode');
    const listed = await adminClient.api('GET', '/api/admin/organisations?kind=gp-practice&q=mill');
    expect(listed.json<AdminOrganisation[]>().map((o) => o.name)).toEqual(['Mill Street Medical Centre']);
    expect((await audited('organisation.created'))[0]).toEqual({
      actor_id: admin.id,
      detail: { organisationId: made.id, kind: 'gp-practice', code: 'Y91001' },
    });
    expect((await audited('organisation.updated'))[0]?.detail).toMatchObject({ organisationId: made.id });
    expect((await audited('organisation.settings-changed')).slice(0, 2).map((row) => row.detail)).toEqual([
      {
        organisationId: made.id,
        acknowledgeDays: null,
        actionDays: null,
        verificationMinimum: 'medium',
        primaryChannel: null,
        webhookUrl: null,
        webhookSecretChanged: false,
        fileUrl: null,
        fileHostKey: null,
        fileFormat: null,
        fileSchedule: null,
        fileNewKey: false,
        alertEmail: null,
        alertFrequency: null,
      },
      {
        organisationId: made.id,
        acknowledgeDays: 1,
        actionDays: 3,
        verificationMinimum: null,
        primaryChannel: null,
        webhookUrl: null,
        webhookSecretChanged: false,
        fileUrl: null,
        fileHostKey: null,
        fileFormat: null,
        fileSchedule: null,
        fileNewKey: false,
        alertEmail: null,
        alertFrequency: null,
      },
    ]);
    expect((await audited('admin.organisations.viewed'))[0]?.detail).toEqual({ kind: 'gp-practice', searched: true });
  });

  it('refuses a code of the wrong shape for its kind, or one its kind already has, with field errors', async () => {
    for (const [kind, code, message] of [
      ['council', 'Y01234', 'Enter the council’s GSS code: a letter and 8 numbers, like E09000022'],
      ['gp-practice', 'E09000022', 'Enter the practice’s NHS ODS code: a letter and 5 numbers, like Y01234'],
      [
        'housing-provider',
        'AB12',
        'Enter the Regulator of Social Housing number, like L4567, or the council’s GSS code, like E09000022',
      ],
    ] as const) {
      const refused = await add({ kind, name: 'Somewhere', code });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ errors: unknown[] }>().errors).toEqual([{ path: 'code', message }]);
    }
    expect((await add({ kind: 'gp-practice', name: 'First', code: 'Y91002' })).statusCode).toBe(201);
    const taken = await add({ kind: 'gp-practice', name: 'Second', code: 'y91002' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ code: string }>().code).toBe('code_taken');
    // The same code for another kind is another organisation's.
    expect((await add({ kind: 'jobcentre', name: 'Jobcentre', code: 'Y91002' })).statusCode).toBe(201);
    const unknown = await adminClient.api('GET', '/api/admin/organisations/6d1f3d9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f');
    expect(unknown.statusCode).toBe(404);
  });

  it('never disables a kind’s fallback', async () => {
    const fallback = (await adminClient.api('GET', '/api/admin/organisations?kind=council'))
      .json<AdminOrganisation[]>()
      .find((o) => o.fallback);
    const refused = await adminClient.api('PUT', `/api/admin/organisations/${fallback?.id ?? ''}/enabled`, {
      enabled: false,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('fallback');
  });
});

describe('the directory pages', () => {
  it('list organisations by kind and search, each linked, and audit the view', async () => {
    const made = (
      await add({ kind: 'housing-provider', name: 'Brookside Homes', code: 'L9101' })
    ).json<AdminOrganisation>();
    const page = await adminClient.page('/staff/organisations?kind=housing-provider&q=brook');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/staff/organisations/${made.id}"`);
    expect(page.body).toContain('1 organisation<');
    const all = await adminClient.page('/staff/organisations');
    expect(all.body).toContain('Brookside Homes');
    expect(all.body).toContain('Jobcentre Plus');
    const other = await adminClient.page('/staff/organisations?kind=council&q=brook');
    expect(other.body).not.toContain('Brookside Homes');
    expect((await audited('admin.organisations.viewed'))[0]?.detail).toEqual({
      kind: 'council',
      searched: true,
    });
    const bad = await adminClient.page('/staff/organisations?kind=bakery');
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toEqual([{ field: 'kind', message: 'Select a service from the list' }]);
  });

  it('add an organisation through the form, show it with its settings, and audit each view', async () => {
    const blank = await adminClient.page('/staff/organisations/new');
    // Every hint in words: each kind's default targets and minimum, and what the kind is.
    expect(blank.body).toContain('Which service it provides. This cannot be changed once it is added.');
    expect(blank.body).toMatch(/Council: \d+ and \d+;/);
    expect(blank.body).not.toMatch(/organisations\.(kindHint|defaultTargets|defaultMinimum)/);
    const posted = await adminClient.form('/staff/organisations/new', [
      ['kind', 'council'],
      ['name', 'Westbrook Borough Council'],
      ['code', 'e09000911'],
      ['areas', 'E09000911'],
      ['postcode', 'wb1 1aa'],
      ['custodianCode', '9911'],
      ['acknowledgeDays', '3'],
      ['actionDays', '15'],
      ['verificationMinimum', 'high'],
    ]);
    expect(posted.statusCode).toBe(303);
    const location = String(posted.headers.location);
    expect(location).toMatch(/^\/staff\/organisations\/[0-9a-f-]{36}\?done=added$/);
    const shown = await adminClient.page(location);
    expect(shown.body).toContain('The organisation is added');
    expect(shown.body).toContain('<h1 class="govuk-heading-l">Westbrook Borough Council</h1>');
    expect(shown.body).toContain('E09000911');
    expect(shown.body).toContain('WB1 1AA');
    expect(shown.body).toContain('3 working days to acknowledge, 15 to action<');
    expect(shown.body).toContain('>High<');
    const id = location.split('/')[3]?.split('?')[0] ?? '';
    expect((await audited('admin.organisation.viewed'))[0]).toEqual({
      actor_id: admin.id,
      detail: { organisationId: id },
    });
    // The change form starts from what is there.
    const form = await adminClient.page(`/staff/organisations/${id}/change`);
    expect(form.body).toContain('value="Westbrook Borough Council"');
    expect(form.body).toContain('value="9911"');
    const changed = await adminClient.form(`/staff/organisations/${id}/change`, [
      ['name', 'Westbrook Council'],
      ['code', 'E09000911'],
      ['areas', 'E09000911'],
      ['custodianCode', '9911'],
      ['acknowledgeDays', ''],
      ['actionDays', ''],
      ['verificationMinimum', ''],
    ]);
    expect(changed.headers.location).toBe(`/staff/organisations/${id}?done=changed`);
    const after = await adminClient.page(String(changed.headers.location));
    expect(after.body).toContain('2 working days to acknowledge, 10 to action (the default)');
    expect(after.body).toContain('Low (the default)');
  });

  it('show GOV.UK errors for what the form or the directory refuses, keeping what was typed', async () => {
    await adminClient.page('/staff/organisations/new');
    const empty = await adminClient.form('/staff/organisations/new', [
      ['name', ''],
      ['acknowledgeDays', '2'],
      ['actionDays', ''],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body)).toEqual([
      { field: 'actionDays', message: 'Enter the working days to action, or leave both targets blank for the default' },
      { field: 'kind', message: 'Select a service from the list' },
      { field: 'name', message: 'Enter the organisation’s name' },
    ]);
    expect(empty.body).toContain('<title>Error: Add an organisation');
    const shape = await adminClient.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Quayside Surgery'],
      ['code', 'QS1'],
      ['acknowledgeDays', '5'],
      ['actionDays', '2'],
    ]);
    expect(shape.statusCode).toBe(400);
    expect(errorSummary(shape.body)).toEqual([
      { field: 'actionDays', message: 'The working days to action must be at least the working days to acknowledge' },
    ]);
    const code = await adminClient.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Quayside Surgery'],
      ['code', 'QS1'],
    ]);
    expect(errorSummary(code.body)).toEqual([
      { field: 'code', message: 'Enter the practice’s NHS ODS code: a letter and 5 numbers, like Y01234' },
    ]);
    expect(code.body).toContain('value="Quayside Surgery"');
    const webhook = await adminClient.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Quayside Surgery'],
      ['webhookUrl', 'http://practice.example/hooks'],
      ['webhookSecret', 'not a secret'],
    ]);
    expect(errorSummary(webhook.body)).toEqual([
      {
        field: 'webhookUrl',
        message: 'Enter a webhook address starting https:// (plain http:// only to this machine)',
      },
      {
        field: 'webhookSecret',
        message: 'Enter the signing secret as Standard Webhooks writes it: whsec_ followed by base64',
      },
    ]);
    // What was typed stays, but never the secret.
    expect(webhook.body).toContain('value="http://practice.example/hooks"');
    expect(webhook.body).not.toContain('not a secret');
    const noSecret = await adminClient.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Quayside Surgery'],
      ['webhookUrl', 'https://practice.example/hooks'],
    ]);
    expect(errorSummary(noSecret.body)).toEqual([
      { field: 'webhookSecret', message: 'Enter the webhook’s signing secret: whsec_ followed by base64' },
    ]);
    await add({ kind: 'gp-practice', name: 'Dockside Surgery', code: 'Y91003' });
    const taken = await adminClient.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Quayside Surgery'],
      ['code', 'Y91003'],
    ]);
    expect(taken.statusCode).toBe(409);
    expect(errorSummary(taken.body)).toEqual([
      {
        field: 'code',
        message: 'Another organisation of this kind already has this code, or this local custodian code',
      },
    ]);
  });

  it('disable and enable an organisation, audited, and name each change readably in the audit log', async () => {
    const made = (
      await add({ kind: 'gp-practice', name: 'Canal Side Practice', code: 'Y91004' })
    ).json<AdminOrganisation>();
    await adminClient.page(`/staff/organisations/${made.id}`);
    const disabled = await adminClient.form(`/staff/organisations/${made.id}`, [['enabled', 'no']]);
    expect(disabled.headers.location).toBe(`/staff/organisations/${made.id}?done=disabled`);
    const page = await adminClient.page(String(disabled.headers.location));
    expect(page.body).toContain('The organisation is disabled');
    expect(page.body).toContain('Enable organisation');
    expect((await adminClient.form(`/staff/organisations/${made.id}`, [['enabled', 'yes']])).statusCode).toBe(303);
    expect(
      (await adminClient.api('GET', `/api/admin/organisations/${made.id}`)).json<AdminOrganisation>().enabled,
    ).toBe(true);
    expect((await audited('organisation.disabled'))[0]).toEqual({
      actor_id: admin.id,
      detail: { organisationId: made.id, kind: 'gp-practice' },
    });
    expect((await audited('organisation.enabled'))[0]?.detail).toEqual({
      organisationId: made.id,
      kind: 'gp-practice',
    });
    for (const [action, words] of [
      ['organisation.created', 'Added an organisation'],
      ['organisation.updated', 'Changed an organisation'],
      ['organisation.disabled', 'Disabled an organisation'],
      ['organisation.enabled', 'Enabled an organisation again'],
      ['organisation.settings-changed', 'Set an organisation’s targets, verification minimum and channels'],
      ['admin.organisation.viewed', 'Viewed an organisation'],
      ['admin.organisations.viewed', 'Viewed the directory of organisations'],
    ] as const) {
      const log = await adminClient.page(`/staff/audit?action=${action}`);
      expect(log.body.replaceAll('&#x27;', '’'), action).toContain(`>${words}<`);
    }
  });
});
