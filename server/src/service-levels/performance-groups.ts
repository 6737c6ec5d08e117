// What the figures' queries count (performance-query.ts), put together per kind of organisation,
// per organisation and per life event, with the percentiles worked out over the histograms.

/** One step (acknowledge or action) of a group of notifications, counted. */
export interface StepCounts {
  /** Notifications that took the step. */
  done: number;
  /** Working days taken, by nearest rank over those done (null when none were). */
  median: number | null;
  p90: number | null;
  /** Notifications judged against the target: done, or past the deadline without it. */
  judged: number;
  /** Done within the target. */
  within: number;
}

/** Delivered notifications of one agency and life event (or of every life event: 'all'), counted. */
export interface NotificationGroup {
  agency: string;
  lifeEvent: string;
  sent: number;
  acknowledge: StepCounts;
  action: StepCounts;
}

/** Reports made, counted by life event and channel. */
export interface SubmissionGroup {
  lifeEvent: string;
  channel: string;
  submissions: number;
  /** Agencies told, added up over the reports. */
  agenciesTold: number;
  /** Agencies told beyond the first, added up: contacts the resident did not have to make. */
  contactsSaved: number;
}

/** Delivered notifications counted for one step, by the working days it took (null: not done). */
export interface StepRow {
  agency: string;
  organisation_id: string;
  life_event: string;
  step: 'acknowledge' | 'action';
  days: number | null;
  judged: boolean;
  within: boolean;
  n: number;
}

/** Reports counted by life event and channel. */
export interface ReportRow {
  life_event: string;
  channel: string;
  submissions: number;
  agencies_told: number;
  contacts_saved: number;
}

/** The figure at percentile `p` (0 to 1] of a histogram of whole days, by nearest rank: always a value that occurred. */
function nearestRank(histogram: ReadonlyMap<number, number>, total: number, p: number): number | null {
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [days, count] of [...histogram].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= rank) return days;
  }
  return null;
}

/** A step's counts from histogram rows: done, nearest-rank median and 90th percentile, judged, within. */
export function stepCounts(
  rows: readonly { days: number | null; judged: boolean; within: boolean; n: number }[],
): StepCounts {
  const histogram = new Map<number, number>();
  let done = 0;
  let judged = 0;
  let within = 0;
  for (const row of rows) {
    if (row.days !== null) {
      done += row.n;
      histogram.set(row.days, (histogram.get(row.days) ?? 0) + row.n);
    }
    if (row.judged) judged += row.n;
    if (row.within) within += row.n;
  }
  return { done, median: nearestRank(histogram, done, 0.5), p90: nearestRank(histogram, done, 0.9), judged, within };
}

/** Delivered notifications of one organisation and life event (or every life event: 'all'), counted. */
export interface OrganisationGroup extends NotificationGroup {
  organisationId: string;
}

/** One group of notifications from its rows of step counts (every life event together for 'all'). */
function notificationGroup(rows: readonly StepRow[], agency: string, lifeEvent: string): NotificationGroup {
  const mine = rows.filter((row) => lifeEvent === 'all' || row.life_event === lifeEvent);
  const of = (step: StepRow['step']) => mine.filter((row) => row.step === step);
  return {
    agency,
    lifeEvent,
    sent: of('acknowledge').reduce((sum, row) => sum + row.n, 0),
    acknowledge: stepCounts(of('acknowledge')),
    action: stepCounts(of('action')),
  };
}

/** Rows grouped by a key, in the order each key first appears. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Every life event an organisation's (or a kind's) rows have, and every life event together. */
const lifeEventsOf = (rows: readonly StepRow[]) => [...new Set(rows.map((row) => row.life_event)), 'all'];

/** Per kind of organisation and life event (and every life event together). */
export function notificationGroups(stepRows: readonly StepRow[]): NotificationGroup[] {
  return [...groupBy(stepRows, (row) => row.agency)].flatMap(([agency, rows]) =>
    lifeEventsOf(rows).map((lifeEvent) => notificationGroup(rows, agency, lifeEvent)),
  );
}

/** Per organisation and life event (and every life event together). */
export function organisationGroups(stepRows: readonly StepRow[]): OrganisationGroup[] {
  return [...groupBy(stepRows, (row) => row.organisation_id)].flatMap(([organisationId, rows]) =>
    lifeEventsOf(rows).map((lifeEvent) => ({
      organisationId,
      ...notificationGroup(rows, rows[0]?.agency ?? '', lifeEvent),
    })),
  );
}

/** Reports per life event and channel, the whole days' and the edges' rows added up. */
export function submissionGroups(reportRows: readonly ReportRow[]): SubmissionGroup[] {
  return [...groupBy(reportRows, (row) => `${row.life_event}/${row.channel}`).values()].map((rows) => ({
    lifeEvent: rows[0]?.life_event ?? '',
    channel: rows[0]?.channel ?? '',
    submissions: rows.reduce((sum, row) => sum + row.submissions, 0),
    agenciesTold: rows.reduce((sum, row) => sum + row.agencies_told, 0),
    contactsSaved: rows.reduce((sum, row) => sum + row.contacts_saved, 0),
  }));
}
