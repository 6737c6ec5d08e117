import type { PerformanceFigures, StepFigures } from '@tuo/shared/api/performance';

/** What a withheld count says in a download, as on the page. */
export const fewerThan10 = 'fewer than 10';
/** What a figure worked out from a withheld count says. */
export const suppressed = 'suppressed';

const count = (value: number | null) => (value === null ? fewerThan10 : String(value));
const figure = (value: number | null) => (value === null ? suppressed : String(value));
const step = (s: StepFigures) => [
  count(s.done),
  figure(s.medianWorkingDays),
  figure(s.p90WorkingDays),
  count(s.judged),
  figure(s.withinTargetShare),
];

function csv(rows: readonly (readonly string[])[]): string {
  // Every value here is an id, a number or one of two fixed phrases: nothing needs quoting.
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** Notifications per agency and life event, one row each, as CSV. */
export function notificationsCsv(figures: PerformanceFigures): string {
  const header = ['agency', 'life_event', 'notifications_sent'];
  for (const s of ['acknowledge', 'action'])
    header.push(
      `${s}_done`,
      `${s}_median_working_days`,
      `${s}_p90_working_days`,
      `${s}_judged`,
      `${s}_within_target_share`,
    );
  return csv([
    header,
    ...figures.notifications.map((row) => [
      row.agency,
      row.lifeEvent,
      count(row.sent),
      ...step(row.acknowledge),
      ...step(row.action),
    ]),
  ]);
}

/** Reports per life event, as CSV. */
export function reportsCsv(figures: PerformanceFigures): string {
  const header = ['life_event', 'reports', 'made_with_adviser_share', 'agencies_told_per_report', 'contacts_saved'];
  return csv([
    header,
    ...figures.submissions.map((row) => [
      row.lifeEvent,
      count(row.submissions),
      figure(row.assistedShare),
      figure(row.agenciesPerSubmission),
      count(row.contactsSaved),
    ]),
  ]);
}
