import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFigureDays } from '../../server/src/service-levels/figures-by-day.js';
import { loadPerformanceCounts } from '../../server/src/service-levels/performance-query.js';
import { englandAndWales } from '../../server/src/service-levels/working-days.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The figures add up whole UK days from counts kept per day and count the partial first and last
// days of the window from the rows (migration 2026-12-02-0900, figures-by-day.ts). These tests
// check the counts follow every change to the rows, including one still uncommitted while a
// refresh runs, and that the window's edges are exact to the second.

let t: TestApp;
const clock = testClock('2026-06-30T12:00:00Z');
const serviceLevels = { default: { acknowledgeDays: 2, actionDays: 10 }, overrides: [] };
const deps = () => ({ serviceLevels, calendar: englandAndWales, now: clock.now() });
const councilDied = async (from: string, to: string) => {
  const counts = await loadPerformanceCounts(t.database.db, { from: new Date(from), to: new Date(to) }, deps());
  return counts.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'someone-died');
};
const refresh = () => refreshFigureDays(t.database.db, { calendar: englandAndWales, now: clock.now() });

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
});
afterAll(async () => {
  await t.close();
});

describe('figures counted per day', () => {
  it('follow the rows: a report delivered, then acknowledged after a refresh', async () => {
    const { id } = await submit(t.app, t.database.db, 'someone-died');
    // Monday 1 June 2026, 10:00 in London.
    await deliver(t.database.db, id, '2026-06-01T09:00:00Z');
    expect(await refresh()).toBeGreaterThan(0);
    const before = await councilDied('2026-05-01T00:00:00+01:00', '2026-06-30T00:00:00+01:00');
    expect(before?.sent).toBe(1);
    expect(before?.acknowledge).toMatchObject({ done: 0, judged: 1, within: 0 });

    // Acknowledged on Wednesday (2 working days): the trigger notes the day, and the next refresh counts it.
    await t.database.db
      .updateTable('deliveries')
      .set({ status: 'acknowledged', acknowledged_at: new Date('2026-06-03T08:00:00Z') })
      .where('submission_id', '=', id)
      .where('agency', '=', 'council')
      .execute();
    const notes = await sql<{ n: number }>`select count(*)::int as n from figures_delivery_changes`.execute(
      t.database.db,
    );
    expect(notes.rows[0]?.n).toBeGreaterThan(0);
    await refresh();
    const after = await councilDied('2026-05-01T00:00:00+01:00', '2026-06-30T00:00:00+01:00');
    expect(after?.acknowledge).toMatchObject({ done: 1, median: 2, p90: 2, judged: 1, within: 1 });
    expect(await refresh()).toBe(0);
  });

  it('miss no change made by a transaction still open while a refresh runs', async () => {
    const { id } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-06-08T09:00:00Z');
    await refresh();
    const window = ['2026-06-08T00:00:00+01:00', '2026-06-09T00:00:00+01:00'] as const;
    expect((await councilDied(...window))?.action.done).toBe(0);

    // An agency actions it in a transaction that commits only after a refresh has taken the notes.
    let commit: () => void = () => undefined;
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let updated: () => void = () => undefined;
    const didUpdate = new Promise<void>((resolve) => {
      updated = resolve;
    });
    const open = t.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('deliveries')
        .set({
          status: 'actioned',
          acknowledged_at: new Date('2026-06-09T08:00:00Z'),
          actioned_at: new Date('2026-06-09T08:00:00Z'),
        })
        .where('submission_id', '=', id)
        .where('agency', '=', 'council')
        .execute();
      updated();
      await committed;
    });
    await didUpdate;
    await refresh();
    expect((await councilDied(...window))?.action.done).toBe(0);
    commit();
    await open;
    // The open transaction's note was not visible to that refresh, so it is still there for the next.
    expect(await refresh()).toBeGreaterThan(0);
    expect((await councilDied(...window))?.action).toMatchObject({ done: 1, median: 1, within: 1 });
  });

  it('count the partial first and last days of a window from the rows, to the second', async () => {
    const times = ['2026-06-15T08:59:59Z', '2026-06-15T09:00:01Z', '2026-06-17T12:00:00Z', '2026-06-18T10:00:00Z'];
    for (const time of times) {
      const { id } = await submit(t.app, t.database.db, 'someone-died');
      await deliver(t.database.db, id, time);
    }
    await refresh();
    // From 10:00 on Monday 15 June to 11:00 on Thursday 18 June (London): the second and third only
    // (the first is a second too early, the fourth is after `to`); Tuesday and Wednesday are whole days.
    expect((await councilDied('2026-06-15T09:00:00Z', '2026-06-18T10:00:00Z'))?.sent).toBe(2);
    // Whole days only: Monday to Thursday inclusive.
    expect((await councilDied('2026-06-15T00:00:00+01:00', '2026-06-19T00:00:00+01:00'))?.sent).toBe(4);
    // Within one day: no whole day, all from the rows.
    expect((await councilDied('2026-06-15T08:00:00Z', '2026-06-15T09:00:00Z'))?.sent).toBe(1);
  });
});
