import type { OrganisationFigures, PerformanceFigures } from '@tuo/shared/api/performance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';
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

/** Reports of a death delivered on Monday 1 June 2026, each one's council delivery moved to `organisationId`. */
async function reportsTo(
  organisationId: string,
  count: number,
  council: { acknowledgedAt?: string; actionedAt?: string },
) {
  for (let i = 0; i < count; i += 1) {
    const { id } = await submit(t.app, t.database.db, 'someone-died');
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
  const { northbridge, southmere } = await addSampleCouncils(t.database.db);
  const third = await createOrganisation(
    t.database.db,
    { kind: 'council', name: eastwick, code: 'E07000903', areas: [] },
    { type: 'system' },
  );
  // Northbridge acknowledges its 12 on the next working day and actions them after 3; Southmere
  // acknowledges 8 of its 10 after 4 working days (past the 2-day target), actions none; Eastwick has 2.
  await reportsTo(northbridge.id, 12, { acknowledgedAt: '2026-06-02T10:00:00Z', actionedAt: '2026-06-04T10:00:00Z' });
  await reportsTo(southmere.id, 8, { acknowledgedAt: '2026-06-05T10:00:00Z' });
  await reportsTo(southmere.id, 2, {});
  await reportsTo(third.id, 2, {});
});
afterAll(async () => {
  await t.close();
});

describe('open performance figures per organisation', () => {
  it('give two councils their own figures, beside the kind’s, and withhold a small one', async () => {
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
    expect(rowOf(figures, 'Southmere District Council')).toMatchObject({
      sent: 10,
      // 8 done: fewer than 10, so no median; all 10 are judged (2 still open past target), none within.
      acknowledge: { done: null, medianWorkingDays: null, p90WorkingDays: null, judged: 10, withinTargetShare: 0 },
      action: { done: null, judged: 10, withinTargetShare: 0 },
    });
    expect(rowOf(figures, eastwick)).toMatchObject({
      sent: null,
      acknowledge: { done: null, judged: null, withinTargetShare: null },
    });
    expect(rowOf(figures, 'Northbridge Borough Council', 'all')?.sent).toBe(12);
    // The kind's row adds them all up; the fallback council was told nothing, so it is not listed.
    const kind = figures.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'someone-died');
    expect(kind?.sent).toBe(24);
    expect(kind?.acknowledge).toMatchObject({ done: 20, medianWorkingDays: 1, p90WorkingDays: 4, judged: 24 });
    const councils = [
      ...new Set(figures.organisations.filter((r) => r.agency === 'council').map((r) => r.organisation.name)),
    ];
    expect(councils).toEqual([eastwick, 'Northbridge Borough Council', 'Southmere District Council']);
    // The other kinds' fallbacks were told every report.
    expect(figures.organisations.filter((row) => row.lifeEvent === 'all').map((row) => row.agency)).toEqual([
      'council',
      'council',
      'council',
      'gp-practice',
      'housing-provider',
      'jobcentre',
    ]);
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
    expect(page.body).toContain('Northbridge Borough Council');
  });
});
