import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel, Resident } from '../support/resident.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
// Delivered Thursday 2 April 2026; the acknowledge target (2 working days) ran to Wednesday 8 April.
const clock = testClock('2026-04-08T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, env: { CHASE_REQUESTS_PER_DAY: '3' } });
});
afterAll(async () => {
  await t.close();
});

async function trackedResident(reference: string, trackingSecret: string): Promise<Resident> {
  const resident = new Resident(t.app);
  await resident.get('/track');
  const page = await resident.post('/track', [
    ['reference', reference],
    ['secret', trackingSecret],
  ]);
  expect(page.statusCode).toBe(200);
  return resident;
}

function chase(response: Awaited<ReturnType<Resident['get']>>) {
  const model = pageModel(response);
  if (model.page !== 'track' || !model.props.chase)
    throw new Error(`Expected the tracking page with its chase section, got ${model.page}`);
  return model.props.chase;
}

const requests = (submissionId: string) =>
  t.database.db.selectFrom('chase_requests').selectAll().where('submission_id', '=', submissionId).execute();

describe('asking us to chase a service', () => {
  it('is offered only once a target has passed, and records one request however often it is sent', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z', {
      'gp-practice': { acknowledgedAt: '2026-04-03T10:00:00Z' },
    });
    clock.set('2026-04-08T12:00:00Z');
    const resident = await trackedResident(reference, trackingSecret);
    expect((await resident.get(`/track?reference=${reference}`)).statusCode).toBe(200);
    expect(
      chase(await resident.get(`/track?reference=${reference}`)).agencies.every((a) => !a.canAsk && a.missed === null),
    ).toBe(true);
    // Within target: a crafted post changes nothing.
    expect(
      (
        await resident.post('/track/chase', [
          ['reference', reference],
          ['agency', 'council'],
        ])
      ).statusCode,
    ).toBe(303);
    expect(await requests(id)).toHaveLength(0);

    clock.set('2026-04-09T09:00:00Z');
    const beforePage = await resident.get(`/track?reference=${reference}`);
    const before = chase(beforePage);
    // The kind's own team (none particular was told here), named by what it does: never its directory name.
    expect(before.agencies.find((a) => a.agency === 'council')?.organisationFallback).toBe(true);
    expect(beforePage.body).toContain('<h3 class="govuk-heading-s">Council team</h3>');
    expect(beforePage.body).not.toContain('(not yet known)</h3>');
    expect(before.agencies.find((a) => a.agency === 'council')).toMatchObject({
      missed: 'acknowledge',
      deadline: '2026-04-08',
      canAsk: true,
    });
    expect(before.agencies.find((a) => a.agency === 'gp-practice')).toMatchObject({ missed: null, canAsk: false });

    const sent = await resident.post('/track/chase', [
      ['reference', reference],
      ['agency', 'council'],
      ['note-council', 'They still send council tax bills'],
    ]);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/track?reference=${reference}&requested=council`);
    const after = await resident.get(String(sent.headers.location));
    expect(after.body).toContain('We will chase');
    const council = chase(after).agencies.find((a) => a.agency === 'council');
    expect(council).toMatchObject({ canAsk: false, requests: [{ status: 'open' }] });

    // A double click, a resend and two at once: still one piece of work.
    await Promise.all(
      [1, 2, 3].map(() =>
        resident.post('/track/chase', [
          ['reference', reference],
          ['agency', 'council'],
        ]),
      ),
    );
    const made = await requests(id);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      status: 'open',
      target: 'acknowledge',
      resident_note: 'They still send council tax bills',
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'resident.chase.requested')
      .where('submission_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain('council tax bills');
  });

  it('limits requests per report per day, and refuses a note that is too long', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z');
    clock.set('2026-04-09T09:00:00Z');
    const resident = await trackedResident(reference, trackingSecret);
    const long = await resident.post('/track/chase', [
      ['reference', reference],
      ['agency', 'council'],
      ['note-council', 'x'.repeat(501)],
    ]);
    expect(long.statusCode).toBe(400);
    expect(chase(long).form.errors).toEqual([
      { field: 'note-council', message: 'Your note must be 500 characters or fewer' },
    ]);
    expect(long.body).toMatch(/<title>Error: /);

    for (const agency of ['council', 'gp-practice', 'housing-provider'])
      expect(
        (
          await resident.post('/track/chase', [
            ['reference', reference],
            ['agency', agency],
          ])
        ).statusCode,
      ).toBe(303);
    const fourth = await resident.post('/track/chase', [
      ['reference', reference],
      ['agency', 'jobcentre'],
    ]);
    expect(fourth.statusCode).toBe(429);
    expect(chase(fourth).form.errors[0]?.message).toMatch(/as many times as we allow in one day/);
    expect(await requests(id)).toHaveLength(3);
    expect(
      chase(await resident.get(`/track?reference=${reference}`)).agencies.find((a) => a.agency === 'jobcentre')?.canAsk,
    ).toBe(false);

    // The next UK day the limit starts again.
    clock.set('2026-04-10T08:00:00Z');
    expect(
      (
        await resident.post('/track/chase', [
          ['reference', reference],
          ['agency', 'jobcentre'],
        ])
      ).statusCode,
    ).toBe(303);
    expect(await requests(id)).toHaveLength(4);
  });

  it('needs the tracking code in this session and the form token', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'baby-born');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z');
    clock.set('2026-04-09T09:00:00Z');
    const stranger = new Resident(t.app);
    await stranger.get('/track');
    const refused = await stranger.post('/track/chase', [
      ['reference', reference],
      ['agency', 'council'],
    ]);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe('/track');
    expect((await stranger.get(`/track?reference=${reference}`)).body).not.toContain('Service standards');
    const resident = await trackedResident(reference, trackingSecret);
    expect(
      (
        await resident.post(
          '/track/chase',
          [
            ['reference', reference],
            ['agency', 'council'],
          ],
          { csrf: 'wrong' },
        )
      ).statusCode,
    ).toBe(403);
    expect(await requests(id)).toHaveLength(0);
  });

  it('goes to a staff queue; what staff do is audited and shown to the resident', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'moving-home');
    await deliver(t.database.db, id, '2026-04-02T10:00:00Z');
    clock.set('2026-04-09T09:00:00Z');
    const resident = await trackedResident(reference, trackingSecret);
    const agency = chase(await resident.get(`/track?reference=${reference}`)).agencies[0]?.agency ?? 'council';
    await resident.post('/track/chase', [
      ['reference', reference],
      ['agency', agency],
      ['note-' + agency, 'Please hurry'],
    ]);
    const [request] = await requests(id);
    if (!request) throw new Error('no request made');

    const adviser = await createTestStaff(t.database.db, 'adviser');
    const staff = new StaffClient(t.app);
    await staff.signIn(adviser);
    const queue = await staff.page('/staff/chase-requests');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(reference);
    expect(queue.body).toContain('Please hurry');
    expect(
      (await staff.form(`/staff/chase-requests/${request.id}`, [[`outcome-${request.id}`, 'chased']])).statusCode,
    ).toBe(400);
    const chased = await staff.form(`/staff/chase-requests/${request.id}`, [
      [`outcome-${request.id}`, 'chased'],
      [`note-${request.id}`, 'Phoned the team; they will act this week'],
    ]);
    expect(chased.statusCode).toBe(303);
    const seen = chase(await resident.get(`/track?reference=${reference}`)).agencies.find((a) => a.agency === agency);
    expect(seen?.requests[0]).toMatchObject({
      status: 'chased',
      staffNote: 'Phoned the team; they will act this week',
    });
    expect(seen?.canAsk).toBe(false);

    await staff.page('/staff/chase-requests');
    await staff.form(`/staff/chase-requests/${request.id}`, [
      [`outcome-${request.id}`, 'resolved'],
      [`note-${request.id}`, 'Done by the agency'],
    ]);
    const resolved = chase(await resident.get(`/track?reference=${reference}`)).agencies.find(
      (a) => a.agency === agency,
    );
    expect(resolved?.requests[0]).toMatchObject({ status: 'resolved', staffNote: 'Done by the agency' });
    // Still overdue and nothing active: the resident may ask again.
    expect(resolved?.canAsk).toBe(true);

    const actions = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('submission_id', '=', id)
      .where('action', 'like', 'staff.chase-request.%')
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'staff.chase-request.chased', actor_id: adviser.id },
      { action: 'staff.chase-request.resolved', actor_id: adviser.id },
    ]);
    const viewed = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('actor_id', '=', adviser.id)
      .where('action', '=', 'staff.chase-requests.viewed')
      .execute();
    expect(viewed.length).toBeGreaterThan(0);
  });
});
