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

/** The CSV export of notifications: one row each, the routed answers as "Question: answer" lines in one cell. */
export function notificationsCsv(notifications: AgencyNotification[]): string {
  const header = [
    'Reference',
    'Life event',
    'Status',
    'Delivered',
    'Acknowledged',
    'Actioned',
    'Outcome',
    'Details',
    'Possible duplicate of',
    'Verification level',
    'Verification checks',
  ];
  const rows = notifications.map((n) => [
    n.reference,
    catalogue[n.lifeEvent].title,
    statusWords[n.status],
    n.deliveredAt,
    n.acknowledgedAt ?? '',
    n.actionedAt ?? '',
    n.outcome ?? '',
    payloadRows(n.lifeEvent, n.payload)
      .map((row) => `${row.label}: ${row.lines.join(', ')}`)
      .join('\n'),
    n.possibleDuplicateOf ?? '',
    payloadVerification(n.payload)?.level ?? '',
    (payloadVerification(n.payload)?.checks ?? [])
      .map((check) => `${check.kind} (${check.by}, ${check.at})`)
      .join('\n'),
  ]);
  // The byte order mark makes spreadsheet programs read the file as UTF-8; CRLF is RFC 4180's line end.
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
