import { catalogue } from '@tuo/shared';
import type { AgencyNotification } from '@tuo/shared/api/agency-notifications';
import { payloadRows } from './payload-rows.js';
import { payloadVerification } from './payload-verification.js';

const statusWords: Record<AgencyNotification['status'], string> = {
  delivered: 'New',
  acknowledged: 'Acknowledged',
  actioned: 'Actioned',
};

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (starting =, +, -, @, tab or carriage
 * return: OWASP's list) is prefixed with an apostrophe, so a resident's answer can never run as
 * one; then every cell is quoted, with quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A time as UK local time, the way a spreadsheet in the UK reads it: "02/12/2026 14:05". */
export function ukLocalTime(iso: string | null): string {
  return iso ? ukTime.format(new Date(iso)).replace(',', '') : '';
}

/**
 * The CSV export of notifications: one row each, with one column per answer (labelled for an
 * officer, in the journeys' order, across every notification exported) and times in UK local time.
 */
export function notificationsCsv(notifications: AgencyNotification[]): string {
  const answerRows = notifications.map(
    (n) => new Map(payloadRows(n.lifeEvent, n.payload).map((row) => [row.label, row])),
  );
  const answerColumns = [...new Set(answerRows.flatMap((rows) => [...rows.keys()]))];
  const header = [
    'Reference',
    'Life event',
    'Status',
    'Delivered',
    'Acknowledged',
    'Actioned',
    'Outcome',
    'Possible duplicate of',
    'Verification level',
    'Verification checks',
    ...answerColumns,
  ];
  const rows = notifications.map((n, index) => [
    n.reference,
    catalogue[n.lifeEvent].title,
    statusWords[n.status],
    ukLocalTime(n.deliveredAt),
    ukLocalTime(n.acknowledgedAt),
    ukLocalTime(n.actionedAt),
    n.outcome ?? '',
    n.possibleDuplicateOf ?? '',
    payloadVerification(n.payload)?.level ?? '',
    (payloadVerification(n.payload)?.checks ?? [])
      .map((check) => `${check.kind} (${check.by}, ${check.at})`)
      .join('\n'),
    ...answerColumns.map((label) => answerRows[index]?.get(label)?.lines.join(', ') ?? ''),
  ]);
  // The byte order mark makes spreadsheet programs read the file as UTF-8; CRLF is RFC 4180's line end.
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
