import type { LifeEventId } from '@tuo/shared';
import type { OrganisationFigures, PerformanceFigures } from '@tuo/shared/api/performance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
import { createSubmitterKey } from '../../server/src/submitters/submitter-keys.js';
import { pageModel } from '../support/resident.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The open figures per organisation (#16): two councils of the one kind each get their own
// figures, worked out and withheld as the kinds' are, on the page, in the CSV and JSON, and for staff.

let t: TestApp;
const clock = testClock('2026-06-30T12:00:00Z');
const eastwick = 'Eastwick, "Upper" Council';
// A register office's key: its reports need no code, so the many here meet no code's rate limit.
let trusted: Record<string, string> = {};

/** Reports delivered on Monday 1 June 2026, each one's council delivery moved to `organisationId`. */
async function reportsTo(
  organisationId: string,
  count: number,
  council: { acknowledgedAt?: string; actionedAt?: string },
  lifeEvent: LifeEventId = 'someone-died',
) {
  for (let i = 0; i < count; i += 1) {
    const { id } = await submit(t.app, t.database.db, lifeEvent, { headers: trusted });
    await t.database.db
      .updateTable('deliveries')
      .set({ organisation_id: organisationId })
      .where('submission_id', '=', id)
      .where('agency', '=', 'council')
      .execute();
    await deliver(t.database.db, id, '2026-06-01T09:00:00Z', { council });
  }
}

const rowOf = (figures: PerformanceFigures, name: string, lifeEvent = 'someone-died') =>
  figures.organisations.find((row) => row.organisation.name === name && row.lifeEvent === lifeEvent);

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  const { key } = await createSubmitterKey(t.database.db, { name: 'Register office', level: 'high' });
  trusted = { authorization: `Bearer ${key}` };
  const { northbridge, southmere } = await addSampleCouncils(t.database.db);
  const council = (name: string, code: string) =>
    createOrganisation(t.database.db, { kind: 'council', name, code, areas: [] }, { type: 'system' });
  const third = await council(eastwick, 'E07000903');
  const fourth = await council('Westvale Council', 'E07000904');
  // Deaths: Northbridge acknowledges its 12 on the next working day and actions them after 3;
  // Southmere acknowledges its 10 after 4 working days (past the 2-day target) and actions none;
  // Eastwick (4) and Westvale (7) do neither: too few to show, but 11 together.
  await reportsTo(northbridge.id, 12, { acknowledgedAt: '2026-06-02T10:00:00Z', actionedAt: '2026-06-04T10:00:00Z' });
  await reportsTo(southmere.id, 10, { acknowledgedAt: '2026-06-05T10:00:00Z' });
  await reportsTo(third.id, 4, {});
  await reportsTo(fourth.id, 7, {});
  // Births: Northbridge 12 and Eastwick 3, whose 3 the kind's 15 would give away.
  await reportsTo(northbridge.id, 12, {}, 'baby-born');
  await reportsTo(third.id, 3, {}, 'baby-born');
});
afterAll(async () => {
  await t.close();
});

describe('open performance figures per organisation', () => {
  it('give two councils their own figures, beside the kind’s, and withhold small ones', async () => {
    const figures = (
      await t.app.inject({ method: 'GET', url: '/api/performance?period=90d' })
    ).json<PerformanceFigures>();
    expect(rowOf(figures, 'Northbridge Borough Council')).toEqual({
      agency: 'council',
      lifeEvent: 'someone-died',
      organisation: expect.objectContaining({ code: 'E07000901' }) as OrganisationFigures['organisation'],
      sent: 12,
      acknowledge: { done: 12, medianWorkingDays: 1, p90WorkingDays: 1, judged: 12, withinTargetShare: 1 },
      action: { done: 12, medianWorkingDays: 3, p90WorkingDays: 3, judged: 12, withinTargetShare: 1 },
    });
    expect(rowOf(figures, 'Southmere District Council')).toEqual(
      expect.objectContaining({
        sent: 10,
        acknowledge: { done: 10, medianWorkingDays: 4, p90WorkingDays: 4, judged: 10, withinTargetShare: 0 },
        // None actioned; all 10 judged (past the 10-day target), none within.
        action: { done: null, medianWorkingDays: null, p90WorkingDays: null, judged: 10, withinTargetShare: 0 },
      }),
    );
    for (const name of [eastwick, 'Westvale Council'])
      expect(rowOf(figures, name)).toMatchObject({
        sent: null,
        acknowledge: { done: null, judged: null, withinTargetShare: null },
      });
    // The kind's row adds them all up; the fallback council was told nothing, so it is not listed.
    const kind = figures.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'someone-died');
    expect(kind?.sent).toBe(33);
    expect(kind?.acknowledge).toMatchObject({ done: 22, medianWorkingDays: 1, p90WorkingDays: 4, judged: 33 });
    const councils = [
      ...new Set(figures.organisations.filter((r) => r.agency === 'council').map((r) => r.organisation.name)),
    ];
    expect(councils).toEqual([
      eastwick,
      'Northbridge Borough Council',
      'Southmere District Council',
      'Westvale Council',
    ]);
    expect(figures.organisations.filter((row) => row.lifeEvent === 'all').map((row) => row.agency)).toEqual([
      ...councils.map(() => 'council'),
      'gp-practice',
      'housing-provider',
      'jobcentre',
    ]);
  });

  it('withhold a shown organisation’s count too where the kind’s total would give a small one away', async () => {
    const figures = (
      await t.app.inject({ method: 'GET', url: '/api/performance?period=90d' })
    ).json<PerformanceFigures>();
    const kind = figures.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'baby-born');
    expect(kind?.sent).toBe(15);
    // 15 less Northbridge's 12 would be Eastwick's 3: Northbridge's is withheld as well.
    expect(rowOf(figures, 'Northbridge Borough Council', 'baby-born')?.sent).toBeNull();
    expect(rowOf(figures, eastwick, 'baby-born')?.sent).toBeNull();
    // Over every life event, Eastwick's 7 and Westvale's 7 are 14 together: the others stay shown.
    expect(rowOf(figures, 'Northbridge Borough Council', 'all')?.sent).toBe(24);
    expect(rowOf(figures, 'Southmere District Council', 'all')?.sent).toBe(10);
  });

  it('download as CSV, names quoted, and show on the page without JavaScript', async () => {
    const csv = (await t.app.inject({ method: 'GET', url: '/performance/organisations.csv?period=90d' })).body;
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^agency,organisation,organisation_code,life_event,notifications_sent,acknowledge_done,/);
    expect(lines).toContain('council,Northbridge Borough Council,E07000901,someone-died,12,12,1,1,12,1,12,3,3,12,1');
    expect(lines).toContain(
      `council,"Eastwick, ""Upper"" Council",E07000903,someone-died,fewer than 10,${['fewer than 10', 'suppressed', 'suppressed', 'fewer than 10', 'suppressed'].join(',')},${['fewer than 10', 'suppressed', 'suppressed', 'fewer than 10', 'suppressed'].join(',')}`,
    );

    const page = await t.app.inject({ method: 'GET', url: '/performance?period=90d&lifeEvent=someone-died' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Notifications by organisation');
    expect(page.body).toContain('Southmere District Council');
    expect(page.body).toContain('href="/performance/organisations.csv?period=90d"');
    const model = pageModel(page);
    if (model.page !== 'performance') throw new Error('Expected the performance page');
    expect(model.props.figures.organisations.length).toBeGreaterThan(0);
  });

  it('give staff the same per organisation, within their filters', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const staff = new StaffClient(t.app);
    await staff.signIn(adviser);
    const page = await staff.page('/staff/performance?from=2026-06-01&to=2026-06-01&agency=council');
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'performance' || !model.props.figures)
      throw new Error('Expected the staff performance page');
    const figures = model.props.figures;
    expect(new Set(figures.organisations.map((row) => row.agency))).toEqual(new Set(['council']));
    expect(rowOf(figures, 'Northbridge Borough Council')?.sent).toBe(12);
    expect(rowOf(figures, 'Southmere District Council')?.sent).toBe(10);
    expect(rowOf(figures, eastwick)?.sent).toBeNull();
    expect(page.body).toContain('Northbridge Borough Council');
  });
});
