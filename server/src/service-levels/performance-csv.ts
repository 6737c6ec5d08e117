import type { NotificationFigures, PerformanceFigures, StepFigures } from '@tuo/shared/api/performance';

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
  // Ids, numbers and two fixed phrases need no quoting; only an organisation's name and code might.
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** A value from the directory, quoted where CSV needs it, and never read as a formula by a spreadsheet. */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const stepColumns = ['acknowledge', 'action'].flatMap((s) => [
  `${s}_done`,
  `${s}_median_working_days`,
  `${s}_p90_working_days`,
  `${s}_judged`,
  `${s}_within_target_share`,
]);
const figures = (row: NotificationFigures) => [count(row.sent), ...step(row.acknowledge), ...step(row.action)];

/** Notifications per kind of organisation and life event, one row each, as CSV. */
export function notificationsCsv(all: PerformanceFigures): string {
  return csv([
    ['agency', 'life_event', 'notifications_sent', ...stepColumns],
    ...all.notifications.map((row) => [row.agency, row.lifeEvent, ...figures(row)]),
  ]);
}

/** Notifications per organisation and life event, by kind, one row each, as CSV. */
export function organisationsCsv(all: PerformanceFigures): string {
  return csv([
    ['agency', 'organisation', 'organisation_code', 'life_event', 'notifications_sent', ...stepColumns],
    ...all.organisations.map((row) => [
      row.agency,
      text(row.organisation.name),
      text(row.organisation.code ?? ''),
      row.lifeEvent,
      ...figures(row),
    ]),
  ]);
}

/** Reports per life event, as CSV. */
export function reportsCsv(all: PerformanceFigures): string {
  const header = ['life_event', 'reports', 'made_with_adviser_share', 'agencies_told_per_report', 'contacts_saved'];
  return csv([
    header,
    ...all.submissions.map((row) => [
      row.lifeEvent,
      count(row.submissions),
      figure(row.assistedShare),
      figure(row.agenciesPerSubmission),
      count(row.contactsSaved),
    ]),
  ]);
}
