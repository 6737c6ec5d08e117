import { exampleSubmissions } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { LightMyRequestResponse } from 'fastify';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { deliverNow } from '../support/deliver-now.js';
import { pageModel } from '../support/resident.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';

// The GP practice needs a medium level for a death, Jobcentre Plus high: a confirmed online report reaches low.
const env = { VERIFICATION_MINIMUMS: 'gp-practice:someone-died=medium,jobcentre:someone-died=high' };
let t: TestApp;
let adviser: TestStaff;
let supervisor: TestStaff;
let reference: string;
let trackingSecret: string;

beforeAll(async () => {
  t = await createTestApp({ env });
  [adviser, supervisor] = [
    await createTestStaff(t.database.db, 'adviser'),
    await createTestStaff(t.database.db, 'supervisor'),
  ];
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  expect(res.statusCode, res.body).toBe(201);
  ({ reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>());
});
afterAll(async () => {
  await t.close();
});

const signedIn = async (who: TestStaff) => {
  const client = new StaffClient(t.app);
  expect((await client.signIn(who)).statusCode).toBe(200);
  return client;
};
const deliveries = () =>
  t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.id', 'deliveries.agency', 'deliveries.status', 'deliveries.held_for'])
    .where('submissions.reference', '=', reference)
    .orderBy('deliveries.agency')
    .execute();
const outboxFor = (deliveryId: string) =>
  t.database.db.selectFrom('outbox').select('id').where('job_key', 'like', `%${deliveryId}%`).execute();
const audits = (actorId: string, action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['submission_id', 'detail'])
    .where('actor_id', '=', actorId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const heldId = async (agency: string) => (await deliveries()).find((d) => d.agency === agency)?.id ?? '';

describe('the "Needs checking" queue', () => {
  it('holds a notification below its organisation\u2019s minimum, and lists it with why, oldest first', async () => {
    expect((await deliveries()).map((d) => [d.agency, d.status, d.held_for])).toEqual([
      ['council', 'queued', null],
      ['gp-practice', 'held', 'check'],
      ['housing-provider', 'queued', null],
      ['jobcentre', 'held', 'check'],
    ]);
    expect(await outboxFor(await heldId('gp-practice'))).toEqual([]);
    const client = await signedIn(adviser);
    const page = await client.page('/staff/needs-checking');
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'needs-checking') throw new Error('Expected the queue');
    const mine = model.props.items.filter((item) => item.reference === reference);
    expect(mine.map((item) => [item.agency, item.level, item.minimum])).toEqual([
      ['gp-practice', 'low', 'medium'],
      ['jobcentre', 'low', 'high'],
    ]);
    expect(mine[0]?.checks).toEqual(['contact-confirmed']);
    expect(page.body).toContain('is below the medium level this organisation needs');
    const [viewed] = await audits(adviser.id, 'staff.needs-checking.viewed');
    const seen = (viewed?.detail as { deliveries?: string[] } | undefined)?.deliveries ?? [];
    expect(mine.every((item) => seen.includes(item.id))).toBe(true);
  });

  it('lets an adviser see a held notification but not release or reject it', async () => {
    const client = await signedIn(adviser);
    const id = await heldId('gp-practice');
    const page = await client.page(`/staff/needs-checking/${id}`);
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'check') throw new Error('Expected the check page');
    expect(model.props.canDecide).toBe(false);
    expect(page.body).toContain('Only a supervisor can release or reject');
    expect(page.body).not.toContain(`action="/staff/needs-checking/${id}/release"`);
    const release = await client.form(`/staff/needs-checking/${id}/release`, [
      ['kind', 'call-back'],
      ['note', 'Trying my luck'],
    ]);
    expect(release.statusCode).toBe(403);
    expect((await client.form(`/staff/needs-checking/${id}/reject`, [['reason', 'No']])).statusCode).toBe(403);
    expect((await deliveries()).find((d) => d.id === id)?.status).toBe('held');
    expect(await audits(adviser.id, 'submission.check-released')).toEqual([]);
    const [viewed] = await audits(adviser.id, 'staff.needs-checking.item-viewed');
    expect(viewed?.detail).toEqual({ delivery: id });
  });

  it('shows GOV.UK errors when a supervisor says nothing of what they checked', async () => {
    const client = await signedIn(supervisor);
    const id = await heldId('gp-practice');
    await client.page(`/staff/needs-checking/${id}`);
    const empty = await client.form(`/staff/needs-checking/${id}/release`, [['note', ' ']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Error: Check');
    expect(empty.body).toContain('Select what you checked');
    expect(empty.body).toContain('Enter what you checked and what you found');
    const noReason = await client.form(`/staff/needs-checking/${id}/reject`, [['reason', '']]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why it should not be sent');
    expect((await deliveries()).find((d) => d.id === id)?.status).toBe('held');
  });

  it('releases what a supervisor\u2019s check raises to the minimum, whose payload carries the new level; the rest stays held', async () => {
    const client = await signedIn(supervisor);
    const gp = await heldId('gp-practice');
    await client.page(`/staff/needs-checking/${gp}`);
    const released = await client.form(`/staff/needs-checking/${gp}/release`, [
      ['kind', 'call-back'],
      ['note', 'Phoned the daughter on the number the surgery holds: she confirmed it'],
    ]);
    expect([released.statusCode, released.headers.location]).toEqual([303, '/staff/needs-checking?done=still-held']);
    expect((await deliveries()).map((d) => [d.agency, d.status])).toEqual([
      ['council', 'queued'],
      ['gp-practice', 'queued'],
      ['housing-provider', 'queued'],
      ['jobcentre', 'held'],
    ]);
    expect(await outboxFor(gp)).toHaveLength(1);
    const [audit] = await audits(supervisor.id, 'submission.check-released');
    expect(audit?.detail).toEqual({
      kind: 'call-back',
      level: 'medium',
      released: ['gp-practice'],
      stillHeld: ['jobcentre'],
    });
    expect(JSON.stringify(audit?.detail)).not.toContain('daughter');
    const notes = await t.database.db
      .selectFrom('case_notes')
      .select('body')
      .where('submission_id', '=', audit?.submission_id ?? '')
      .execute();
    expect(notes.map((n) => n.body)).toEqual(['Phoned the daughter on the number the surgery holds: she confirmed it']);

    // Delivered into the GP practice's inbox, the notification says how far it was checked.
    const config = testConfig(t.database.url, env);
    expect(await deliverNow(t.database.db, { deliveryId: gp, attempt: 1 }, createAdapterRegistry(config), config)).toBe(
      true,
    );
    const { key } = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP');
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/agency/notifications/${gp}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(read.statusCode, read.body).toBe(200);
    const { verification } = read.json<{
      payload: {
        verification: { level: string; checks: { kind: string; by: string; level?: string; detail?: string[] }[] };
      };
    }>().payload;
    expect(verification.level).toBe('medium');
    expect(verification.checks.map((c) => c.kind)).toEqual(['contact-confirmed', 'staff-check']);
    expect(verification.checks[1]).toMatchObject({
      by: `supervisor:${supervisor.id}`,
      level: 'medium',
      detail: ['call-back'],
    });
  });

  it('cancels a rejected notification with its reason, audited, and the tracking page says so plainly', async () => {
    const client = await signedIn(supervisor);
    const jobcentre = await heldId('jobcentre');
    await client.page(`/staff/needs-checking/${jobcentre}`);
    const rejected = await client.form(`/staff/needs-checking/${jobcentre}/reject`, [
      ['reason', 'The register office has no record of this death'],
    ]);
    expect([rejected.statusCode, rejected.headers.location]).toEqual([303, '/staff/needs-checking?done=rejected']);
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'held_for', 'check_rejection_reason'])
      .where('id', '=', jobcentre)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'cancelled',
      held_for: null,
      check_rejection_reason: 'The register office has no record of this death',
    });
    expect(await outboxFor(jobcentre)).toEqual([]);
    const [audit] = await audits(supervisor.id, 'submission.check-rejected');
    expect(audit?.detail).toEqual({ delivery: jobcentre });
    // Gone from the queue; a second decision changes nothing.
    const queue = pageModel(await client.page('/staff/needs-checking'));
    if (queue.page !== 'staff' || queue.props.view !== 'needs-checking') throw new Error('Expected the queue');
    expect(queue.props.items.filter((item) => item.reference === reference)).toEqual([]);
    expect(
      (await client.form(`/staff/needs-checking/${jobcentre}/reject`, [['reason', 'Again']])).headers.location,
    ).toBe('/staff/needs-checking');
    expect(await audits(supervisor.id, 'submission.check-rejected')).toHaveLength(1);
    // Staff read it as rejected after a check, with the reason: not as a withdrawal of the report.
    const submission = await client.page(`/staff/submissions/${reference}`);
    expect(submission.body).toContain('Not sent: a supervisor’s check did not confirm it');
    expect(submission.body).toMatch(/not to send it: “The register office has no record of this death”/);

    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(
      status.json<{ agencies: { agency: string; status: string; rejectedAfterCheck?: true }[] }>().agencies,
    ).toContainEqual(expect.objectContaining({ agency: 'jobcentre', status: 'cancelled', rejectedAfterCheck: true }));
    const page = await t.app.inject({
      method: 'GET',
      url: `/track?reference=${reference}&secret=${encodeURIComponent(trackingSecret)}`,
      headers: { accept: 'text/html' },
    });
    expect(page.body).toContain('Not sent: our staff could not confirm the report');
    expect(page.body).not.toContain('register office has no record');
  });
});

function agencyProps(response: LightMyRequestResponse): AgencyPageProps {
  const model = pageModel(response);
  if (model.page !== 'agency') throw new Error(`Expected an agency page, got ${model.page}`);
  return model.props;
}

describe('the level in the agency portal', () => {
  it('shows the level as a tag on the work list and the notification, filters by it, and exports it with the checks', async () => {
    const config = testConfig(t.database.url, env);
    const council = await heldId('council');
    expect(
      await deliverNow(t.database.db, { deliveryId: council, attempt: 1 }, createAdapterRegistry(config), config),
    ).toBe(true);
    const gp = await heldId('gp-practice');
    const nhs = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'gp-practice'));
    const listed = async (client: typeof nhs, query: string) => {
      const props = agencyProps(await client.page(`/agency/notifications?status=all${query}`));
      if (props.view !== 'notifications') throw new Error('Expected the work list');
      return props.items.filter((item) => item.reference === reference).map((item) => item.verificationLevel);
    };
    expect(await listed(nhs, '')).toEqual(['medium']);
    expect(await listed(nhs, '&level=medium')).toEqual(['medium']);
    expect(await listed(nhs, '&level=low')).toEqual([]);
    const list = await nhs.page('/agency/notifications?status=all&level=medium');
    expect(list.body).toContain('<option value="medium" selected="">Medium</option>');
    expect(list.body).toMatch(
      /data-level="medium"><span class="govuk-visually-hidden">Verification level:(<!-- -->)? <\/span>Medium/,
    );

    const page = await nhs.page(`/agency/notifications/${gp}`);
    const props = agencyProps(page);
    if (props.view !== 'notification') throw new Error('Expected the notification');
    expect(props.notification.verification?.level).toBe('medium');
    expect(page.body).toContain('Checks: contact confirmed by code, a supervisor&#x27;s check. Made online.');

    const csv = (await nhs.page('/agency/notifications.csv?status=all&level=medium')).body.replace(/^\uFEFF/, '');
    // The two columns follow the outcome columns; the answers' own columns come after them.
    expect(csv.split('\r\n')[0]).toContain('"Possible duplicate of","Verification level","Verification checks",');
    const row = csv.split('\r\n').find((line) => line.startsWith(`"${reference}"`)) ?? '';
    expect(row).toContain(`"medium","contact-confirmed (email, `);
    expect(row).toContain(`staff-check (supervisor:${supervisor.id}, `);
    const [exported] = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'agency.notifications.exported')
      .execute();
    expect(exported?.detail).toMatchObject({ filters: ['level'] });

    // The council told is the one for the address, not the fallback.
    const told = await t.database.db
      .selectFrom('deliveries')
      .select('organisation_id')
      .where('id', '=', council)
      .executeTakeFirstOrThrow();
    const councilUser = await signedInAgencyClient(
      t.app,
      await createTestAgencyUser(t.database.db, 'council', 'agency-user', {
        id: told.organisation_id,
        kind: 'council',
      }),
    );
    // Sent after the supervisor's check, the council's copy carries its level too.
    expect(await listed(councilUser, '&level=medium')).toEqual(['medium']);
    expect(await listed(councilUser, '&level=low')).toEqual([]);
  });
});

describe('while held for a check', () => {
  it('tells the resident on the tracking page that it is being checked by our staff', async () => {
    const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
    const created = res.json<{ reference: string; trackingSecret: string }>();
    const page = await t.app.inject({
      method: 'GET',
      url: `/track?reference=${created.reference}&secret=${encodeURIComponent(created.trackingSecret)}`,
      headers: { accept: 'text/html' },
    });
    expect(page.body).toContain('Being checked by our staff');
  });
});

// Last: it erases the report every test above reads.
describe('erasure', () => {
  it('erases a supervisor’s reason with the answers: it is in their own words, about this report', async () => {
    const jobcentre = await heldId('jobcentre');
    const admin = await signedIn(await createTestStaff(t.database.db, 'admin'));
    expect(
      (await admin.api('POST', `/api/admin/submissions/${reference}/erase`, { reason: 'Asked to' })).statusCode,
    ).toBe(200);
    const row = await t.database.db
      .selectFrom('deliveries')
      .select(['status', 'check_rejected_at', 'check_rejection_reason'])
      .where('id', '=', jobcentre)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', check_rejection_reason: null });
    expect(row.check_rejected_at).not.toBeNull();
    const submission = await admin.page(`/staff/submissions/${reference}`);
    expect(submission.body).toContain('(their reason was erased with the answers)');
  });
});
