import { catalogue, exampleSubmissions } from '@tuo/shared';
import type { PerformanceFigures } from '@tuo/shared/api/performance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageModel } from '../support/resident.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const clock = testClock('2026-06-30T12:00:00Z');

/** Every answer a resident gave in the fixtures that could identify someone (not the fixed option values). */
function personalValues(): string[] {
  const options = new Set(
    Object.values(catalogue).flatMap((journey) =>
      journey.pages.flatMap((page) =>
        page.fields.flatMap((field) => (field.options ?? []).map((option) => option.value)),
      ),
    ),
  );
  const leaves = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(leaves)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(leaves)
          : [];
  return [...new Set(Object.values(exampleSubmissions).flatMap((s) => leaves(s.answers)))].filter(
    (v) => !options.has(v) && v.length >= 3,
  );
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  // Someone died: 12 reports (3 by an adviser), told 4 agencies each, delivered on Monday 1 June 2026.
  // The council acknowledges 10 of them after 1 working day and actions 10 after 3; two are never acknowledged.
  for (let i = 0; i < 12; i += 1) {
    const { id } = await submit(t.app, t.database.db, 'someone-died', { assisted: i < 3 });
    const council =
      i < 10
        ? {
            acknowledgedAt: '2026-06-02T10:00:00Z',
            actionedAt: i < 5 ? '2026-06-04T10:00:00Z' : '2026-06-19T10:00:00Z',
          }
        : undefined;
    await deliver(t.database.db, id, '2026-06-01T09:00:00Z', council ? { council } : {});
  }
  // Moving home: 3 reports, too few to publish.
  for (let i = 0; i < 3; i += 1) {
    const { id } = await submit(t.app, t.database.db, 'moving-home');
    await deliver(t.database.db, id, '2026-06-01T09:00:00Z', { council: { acknowledgedAt: '2026-06-01T12:00:00Z' } });
  }
});
afterAll(async () => {
  await t.close();
});

describe('open performance figures', () => {
  it('work out sent, medians, 90th percentiles and shares within target in working days', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/performance?period=90d' });
    expect(response.statusCode).toBe(200);
    const figures = response.json<PerformanceFigures>();
    const council = figures.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'someone-died');
    expect(council).toEqual({
      agency: 'council',
      lifeEvent: 'someone-died',
      sent: 12,
      // 10 acknowledged after 1 working day; the 2 never acknowledged are past target: 10 of 12 within.
      acknowledge: { done: 10, medianWorkingDays: 1, p90WorkingDays: 1, judged: 12, withinTargetShare: 0.833 },
      // 5 actioned after 3 working days, 5 after 14 (past the 10-day target); 2 still open and past target.
      action: { done: 10, medianWorkingDays: 3, p90WorkingDays: 14, judged: 12, withinTargetShare: 0.417 },
    });
    const died = figures.submissions.find((row) => row.lifeEvent === 'someone-died');
    expect(died).toEqual({
      lifeEvent: 'someone-died',
      submissions: 12,
      assistedShare: 0.25,
      agenciesPerSubmission: 4,
      contactsSaved: 36,
    });
  });

  it('withhold counts below 10 and every figure worked out from them, everywhere', async () => {
    clock.set('2026-06-30T12:05:00Z');
    const figures = (
      await t.app.inject({ method: 'GET', url: '/api/performance?period=90d' })
    ).json<PerformanceFigures>();
    const moving = figures.notifications.find((row) => row.agency === 'council' && row.lifeEvent === 'moving-home');
    expect(moving).toEqual({
      agency: 'council',
      lifeEvent: 'moving-home',
      sent: null,
      acknowledge: { done: null, medianWorkingDays: null, p90WorkingDays: null, judged: null, withinTargetShare: null },
      action: { done: null, medianWorkingDays: null, p90WorkingDays: null, judged: null, withinTargetShare: null },
    });
    expect(figures.submissions.find((row) => row.lifeEvent === 'moving-home')).toEqual({
      lifeEvent: 'moving-home',
      submissions: null,
      assistedShare: null,
      agenciesPerSubmission: null,
      contactsSaved: null,
    });
    // The 3 moving-home reports still count towards every life event together.
    expect(figures.submissions.find((row) => row.lifeEvent === 'all')?.submissions).toBe(15);

    const csv = (await t.app.inject({ method: 'GET', url: '/performance/notifications.csv?period=90d' })).body;
    expect(csv.split('\r\n').find((line) => line.startsWith('council,moving-home,'))).toBe(
      `council,moving-home,fewer than 10,${['fewer than 10', 'suppressed', 'suppressed', 'fewer than 10', 'suppressed'].join(',')},${['fewer than 10', 'suppressed', 'suppressed', 'fewer than 10', 'suppressed'].join(',')}`,
    );
    const reports = (await t.app.inject({ method: 'GET', url: '/performance/reports.csv?period=90d' })).body;
    expect(reports).toContain('moving-home,fewer than 10,suppressed,suppressed,fewer than 10');
    expect(reports).toContain('someone-died,12,0.25,4,36');

    const page = await t.app.inject({ method: 'GET', url: '/performance?period=90d&lifeEvent=moving-home' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('fewer than 10');
    const model = pageModel(page);
    expect(model.page === 'performance' && model.props.lifeEvent).toBe('moving-home');
  });

  it('show no personal value from the fixtures on the page, in the downloads or in the API', async () => {
    const values = personalValues();
    expect(values).toEqual(
      expect.arrayContaining(['Margaret', "O'Brien", 'AB123456C', '9434765919', 'LS1 4AP', 'sean.obrien@example.com']),
    );
    for (const url of [
      '/performance',
      '/performance?period=12m&lifeEvent=someone-died',
      '/performance/notifications.csv?period=12m',
      '/performance/reports.csv?period=12m',
      '/api/performance?period=12m',
    ]) {
      const body = (await t.app.inject({ method: 'GET', url })).body.toLowerCase();
      // HTML escapes apostrophes; look for both spellings.
      const found = values.filter(
        (value) => body.includes(value.toLowerCase()) || body.includes(value.toLowerCase().replaceAll("'", '&#x27;')),
      );
      expect(found, url).toEqual([]);
      expect(body, url).not.toMatch(/tuo-[0-9a-z]{4}-[0-9a-z]{4}/);
    }
  });

  it('link from the footer of every resident page, and are in the OpenAPI document', async () => {
    for (const url of ['/', '/start', '/track'])
      expect((await t.app.inject({ method: 'GET', url })).body).toContain('href="/performance"');
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(document.paths['/api/performance']).toBeDefined();
  });

  it('give staff finer filters, audited', async () => {
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const staff = new StaffClient(t.app);
    await staff.signIn(adviser);
    const page = await staff.page('/staff/performance?from=2026-06-01&to=2026-06-01&agency=council&channel=assisted');
    expect(page.statusCode).toBe(200);
    const model = pageModel(page);
    if (model.page !== 'staff' || model.props.view !== 'performance' || !model.props.figures)
      throw new Error('Expected the staff performance page');
    // Three assisted reports: fewer than 10, withheld for staff too.
    expect(model.props.figures.submissions.find((row) => row.lifeEvent === 'someone-died')?.submissions).toBeNull();
    const wrong = await staff.page('/staff/performance?from=2026-06-10&to=2026-06-01');
    expect(wrong.statusCode).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('actor_id', '=', adviser.id)
      .where('action', '=', 'staff.performance.viewed')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([{ filters: ['from', 'to', 'agency', 'channel'] }]);
  });
});
