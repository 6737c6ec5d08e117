import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFigureDays } from '../../server/src/service-levels/figures-by-day.js';
import { loadPerformanceCounts, type PerformanceFilter } from '../../server/src/service-levels/performance-query.js';
import { englandAndWales, startOfLondonDay } from '../../server/src/service-levels/working-days.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Today's figures come from counts kept by change (migration 2026-12-03-0600), not from today's
// rows. These tests change deliveries and reports in every way the counts read and check, after each
// change, that the kept counts are exactly what counting today's rows gives (a window starting a
// millisecond into today has no whole day, so it is counted from the rows).

let t: TestApp;
// Tuesday 30 June 2026, 16:00 in London.
const clock = testClock('2026-06-30T15:00:00Z');
const serviceLevels = { default: { acknowledgeDays: 2, actionDays: 10 }, overrides: [] };
const today = startOfLondonDay('2026-06-30');
const refresh = () => refreshFigureDays(t.database.db, { calendar: englandAndWales, now: clock.now() });
const counts = (filter: PerformanceFilter) =>
  loadPerformanceCounts(t.database.db, filter, { serviceLevels, calendar: englandAndWales, now: clock.now() });
const sorted = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

/** Today's counts as kept, and as counted from the rows: they must be the same. */
async function expectKeptAsCounted(filter: Omit<PerformanceFilter, 'from' | 'to'> = {}) {
  await refresh();
  const kept = await counts({ ...filter, from: today, to: clock.now() });
  const fromRows = await counts({ ...filter, from: new Date(today.getTime() + 1), to: clock.now() });
  expect(sorted(kept.notifications)).toEqual(sorted(fromRows.notifications));
  expect(sorted(kept.submissions)).toEqual(sorted(fromRows.submissions));
  return kept;
}

const council = (result: Awaited<ReturnType<typeof counts>>, lifeEvent = 'someone-died') =>
  result.notifications.find((row) => row.agency === 'council' && row.lifeEvent === lifeEvent);

async function setCouncil(id: string, times: { acknowledged_at?: string | null; actioned_at?: string | null }) {
  await t.database.db
    .updateTable('deliveries')
    .set({
      ...(times.acknowledged_at !== undefined && {
        acknowledged_at: times.acknowledged_at ? new Date(times.acknowledged_at) : null,
      }),
      ...(times.actioned_at !== undefined && { actioned_at: times.actioned_at ? new Date(times.actioned_at) : null }),
    })
    .where('submission_id', '=', id)
    .where('agency', '=', 'council')
    .execute();
}

const reports: string[] = [];
/** A report made today at 14:00 in London, not yet delivered. */
async function reportToday() {
  const { id } = await submit(t.app, t.database.db, 'someone-died');
  await t.database.db
    .updateTable('submissions')
    .set({ submitted_at: new Date('2026-06-30T13:00:00Z') })
    .where('id', '=', id)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  for (let i = 0; i < 12; i += 1) reports.push((await submit(t.app, t.database.db, 'someone-died')).id);
  // Made and delivered today at 09:00 in London.
  for (const id of reports) await deliver(t.database.db, id, '2026-06-30T08:00:00Z');
});
afterAll(async () => {
  await t.close();
});

describe("today's figures, kept by change", () => {
  it('are exact once delivered, acknowledged and actioned, percentiles included', async () => {
    const delivered = await expectKeptAsCounted();
    expect(council(delivered)).toMatchObject({ sent: 12, acknowledge: { done: 0, judged: 0 } });
    expect(delivered.submissions).toEqual([
      { lifeEvent: 'someone-died', channel: 'online', submissions: 12, agenciesTold: 48, contactsSaved: 36 },
    ]);
    // Ten acknowledged today, in three statements; five of them actioned too.
    for (const [i, id] of reports.slice(0, 10).entries())
      await setCouncil(id, {
        acknowledged_at: '2026-06-30T10:00:00Z',
        actioned_at: i < 5 ? '2026-06-30T11:00:00Z' : null,
      });
    const done = await expectKeptAsCounted();
    expect(council(done)?.acknowledge).toMatchObject({ done: 10, median: 0, p90: 0 });
    expect(council(done)?.action).toMatchObject({ done: 5, median: 0 });
  });

  it('are exact when a step is undone or moved, and when a delivery is no longer delivered or goes', async () => {
    const [first, second, third, fourth] = reports;
    if (!first || !second || !third || !fourth) throw new Error('Expected the fixtures');
    await setCouncil(first, { acknowledged_at: null, actioned_at: null });
    await setCouncil(second, { actioned_at: '2026-06-30T14:00:00Z' });
    await t.database.db
      .updateTable('deliveries')
      .set({ delivered_at: null, status: 'failed' })
      .where('submission_id', '=', third)
      .where('agency', '=', 'gp-practice')
      .execute();
    await t.database.db
      .deleteFrom('deliveries')
      .where('submission_id', '=', fourth)
      .where('agency', '=', 'jobcentre')
      .execute();
    const kept = await expectKeptAsCounted();
    expect(council(kept)?.acknowledge.done).toBe(9);
    expect(kept.submissions[0]).toMatchObject({ submissions: 12, agenciesTold: 46, contactsSaved: 34 });
    expect(await expectKeptAsCounted({ agency: 'gp-practice' })).toMatchObject({
      submissions: [{ submissions: 11, agenciesTold: 43 }],
    });
  });

  it('are exact when a report changes channel, and are not changed by a withdrawal or a cancelled delivery', async () => {
    const [, , , , fifth, sixth] = reports;
    if (!fifth || !sixth) throw new Error('Expected the fixtures');
    await t.database.db.updateTable('submissions').set({ channel: 'assisted' }).where('id', '=', fifth).execute();
    const before = await expectKeptAsCounted({ channel: 'assisted' });
    expect(before.submissions).toEqual([
      { lifeEvent: 'someone-died', channel: 'assisted', submissions: 1, agenciesTold: 4, contactsSaved: 3 },
    ]);
    // Withdrawn after delivery: the notifications were still sent, so they still count.
    await t.database.db
      .updateTable('submissions')
      .set({ withdrawn_at: clock.now(), withdrawn_by: 'resident', withdrawal_reason: 'made by mistake' })
      .where('id', '=', sixth)
      .execute();
    const cancelled = await reportToday();
    await t.database.db
      .updateTable('deliveries')
      .set({ status: 'cancelled' })
      .where('submission_id', '=', cancelled)
      .execute();
    const after = await expectKeptAsCounted();
    expect(council(after)?.sent).toBe(12);
    expect(after.submissions.find((row) => row.channel === 'online')).toMatchObject({
      submissions: 12,
      agenciesTold: 42,
    });
  });

  it('count a report told by two transactions at once exactly, and a change still open at a refresh later', async () => {
    const id = await reportToday();
    const deliverTo = (agency: string) => sql`
      update deliveries set status = 'delivered', delivered_at = '2026-06-30T13:00:00Z', status_changed_at = now()
      where submission_id = ${id} and agency = ${agency}`;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const updated: Promise<void>[] = [];
    const open = ['council', 'gp-practice'].map((agency) => {
      let done: () => void = () => undefined;
      updated.push(new Promise<void>((resolve) => (done = resolve)));
      return t.database.db.transaction().execute(async (trx) => {
        await deliverTo(agency).execute(trx);
        done();
        await released;
      });
    });
    await Promise.all(updated);
    // Both changes are still open: this refresh sees neither, and leaves their notes.
    await refresh();
    release();
    await Promise.all(open);
    const kept = await expectKeptAsCounted();
    expect(kept.submissions.find((row) => row.channel === 'online')).toMatchObject({
      submissions: 13,
      agenciesTold: 44,
    });
    const told = await sql<{
      told: number;
    }>`select told from figures_report_counted where submission_id = ${id}`.execute(t.database.db);
    expect(told.rows).toEqual([{ told: 2 }]);
  });
});
