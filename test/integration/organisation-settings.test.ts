import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitConfirmed } from '../support/confirm-submission.js';
import { residentAtPage, searchOnPage } from '../support/organisation-search.js';
import { pageModel, Resident } from '../support/resident.js';
import { deliver, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An organisation's own settings, set by an admin, win over its kind's configured ones; a disabled
// organisation is offered to no resident and its kind's fallback takes new reports.

let t: TestApp;
let admin: StaffClient;
// Tuesday 10 March 2026: no bank holiday for a fortnight either side.
const clock = testClock('2026-03-10T12:00:00Z');
beforeAll(async () => {
  t = await createTestApp({
    now: clock.now,
    env: { TARGET_ACKNOWLEDGE_WORKING_DAYS: '2', TARGET_ACTION_WORKING_DAYS: '10' },
  });
  admin = new StaffClient(t.app);
  expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const practice = async (name: string, code: string, settings: object = {}) => {
  const response = await admin.api('POST', '/api/admin/organisations', {
    kind: 'gp-practice',
    name,
    code,
    areas: ['NB1'],
    postcode: 'NB1 4ZZ',
    settings,
  });
  expect(response.statusCode).toBe(201);
  return response.json<AdminOrganisation>();
};

/** A death reported online and confirmed, naming the GP practice to tell (in the answers, as a resident picks it). */
async function reportDeath(gpPractice: string) {
  const response = await submitConfirmed(t.app, {
    ...exampleSubmissions['someone-died'],
    answers: { ...exampleSubmissions['someone-died'].answers, gpPractice },
  });
  expect(response.statusCode).toBe(201);
  const created = response.json<CreateSubmissionResponse>();
  const { id } = await t.database.db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', created.reference)
    .executeTakeFirstOrThrow();
  return { ...created, id };
}

const deliveries = (submissionId: string) =>
  t.database.db
    .selectFrom('deliveries')
    .select(['agency', 'organisation_id', 'status', 'held_for'])
    .where('submission_id', '=', submissionId)
    .orderBy('agency')
    .execute();

async function trackedTargets(reference: string, trackingSecret: string) {
  const resident = new Resident(t.app);
  await resident.get('/track');
  await resident.post('/track', [
    ['reference', reference],
    ['secret', trackingSecret],
  ]);
  const model = pageModel(await resident.get(`/track?reference=${reference}`));
  if (model.page !== 'track' || !model.props.chase) throw new Error(`Expected the tracking page, got ${model.page}`);
  return model.props.chase.agencies.find((agency) => agency.agency === 'gp-practice');
}

describe('an organisation’s own settings', () => {
  it('a target of its own changes its target dates and when it has missed one', async () => {
    const quick = await practice('Quick Surgery', 'Y92001', { targets: { acknowledgeDays: 1, actionDays: 3 } });
    const usual = await practice('Usual Surgery', 'Y92002');
    const fast = await reportDeath(quick.id);
    const slow = await reportDeath(usual.id);
    for (const report of [fast, slow]) await deliver(t.database.db, report.id, '2026-03-10T10:00:00Z');
    clock.set('2026-03-11T12:00:00Z');
    expect(await trackedTargets(fast.reference, fast.trackingSecret)).toMatchObject({
      targets: { acknowledgeBy: '2026-03-11', actionBy: '2026-03-13' },
      missed: null,
    });
    expect(await trackedTargets(slow.reference, slow.trackingSecret)).toMatchObject({
      targets: { acknowledgeBy: '2026-03-12', actionBy: '2026-03-24' },
      missed: null,
    });
    clock.set('2026-03-12T09:00:00Z');
    expect(await trackedTargets(fast.reference, fast.trackingSecret)).toMatchObject({
      missed: 'acknowledge',
      deadline: '2026-03-11',
    });
    expect(await trackedTargets(slow.reference, slow.trackingSecret)).toMatchObject({ missed: null });
  });

  it('a minimum of its own holds a report below it for a staff check, while others are sent', async () => {
    const careful = await practice('Careful Practice', 'Y92003', { verificationMinimum: 'medium' });
    const usual = await practice('Ordinary Practice', 'Y92004');
    const held = await reportDeath(careful.id);
    const sent = await reportDeath(usual.id);
    const heldRows = await deliveries(held.id);
    expect(heldRows.find((d) => d.agency === 'gp-practice')).toEqual({
      agency: 'gp-practice',
      organisation_id: careful.id,
      status: 'held',
      held_for: 'check',
    });
    // Confirmed by code is `low`: enough for every other organisation told.
    expect(heldRows.filter((d) => d.agency !== 'gp-practice').every((d) => d.status === 'queued')).toBe(true);
    expect((await deliveries(sent.id)).every((d) => d.status === 'queued')).toBe(true);
    const supervisor = new StaffClient(t.app);
    expect((await supervisor.signIn(await createTestStaff(t.database.db, 'supervisor'))).statusCode).toBe(200);
    const queue = await supervisor.page('/staff/needs-checking');
    expect(queue.body).toContain(held.reference);
    expect(queue.body).toContain('is below the medium level this organisation needs');
    expect(queue.body).not.toContain(sent.reference);
  });
});

describe('a disabled organisation', () => {
  it('is offered to no resident, and its kind’s fallback takes new reports; enabled, it is back', async () => {
    const closing = await practice('Lantern Lane Surgery', 'Y92005');
    const resident = await residentAtPage(t.app, 'someone-died', 'their-gp-practice');
    const search = () => searchOnPage(resident, '/someone-died/their-gp-practice', 'gpPractice', 'lantern');
    expect((await search()).map((found) => found.name)).toEqual(['Lantern Lane Surgery']);

    const disabled = await admin.api('PUT', `/api/admin/organisations/${closing.id}/enabled`, { enabled: false });
    expect(disabled.json<AdminOrganisation>().enabled).toBe(false);
    expect(await search()).toEqual([]);
    // A report whose answers picked it before it closed goes to the kind's fallback instead.
    const fallback = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'gp-practice')
      .where('fallback', '=', true)
      .executeTakeFirstOrThrow();
    const report = await reportDeath(closing.id);
    expect((await deliveries(report.id)).find((d) => d.agency === 'gp-practice')?.organisation_id).toBe(fallback.id);

    await admin.api('PUT', `/api/admin/organisations/${closing.id}/enabled`, { enabled: true });
    expect((await search()).map((found) => found.name)).toEqual(['Lantern Lane Surgery']);
    const again = await reportDeath(closing.id);
    expect((await deliveries(again.id)).find((d) => d.agency === 'gp-practice')?.organisation_id).toBe(closing.id);
  });
});
