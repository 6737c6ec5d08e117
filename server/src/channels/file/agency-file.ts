import { createHash } from 'node:crypto';
import {
  catalogue,
  formatAnswer,
  getJourney,
  lifeEventIds,
  routedFields,
  type AgencyKind,
  type AgencyPayloadV1,
  type FieldDefinition,
} from '@tuo/shared';
import { csvCell } from '../../agency-portal/notification-csv.js';

/** The words of a kind's fixed columns, as its back office's import expects them. */
export interface FileColumnLabels {
  notification: string;
  reference: string;
  lifeEvent: string;
  submittedAt: string;
  channel: string;
}

/** One notification in a file: its delivery id (stable, so an import can discard repeats) and routed payload. */
export interface FileRecord {
  deliveryId: string;
  payload: AgencyPayloadV1;
}

/** A run's file, made the same way every time from the same run (so an upload after a crash is identical). */
export interface AgencyFile {
  name: string;
  content: Buffer;
  recordCount: number;
  sha256: string;
  /** `<name>.manifest.json`: written after the file, so an import that waits for it never reads half a file. */
  manifest: { name: string; content: Buffer };
}

/** Every field routed to the agency in any life event, once each, in catalogue order: the file's answer columns. */
function answerColumns(agency: AgencyKind): { name: string; label: string }[] {
  const columns = new Map<string, string>();
  for (const lifeEvent of lifeEventIds) {
    const journey = getJourney(lifeEvent);
    const fields = new Map(journey.pages.flatMap((page) => page.fields).map((field) => [field.name, field]));
    for (const name of routedFields(journey, agency))
      if (!columns.has(name)) columns.set(name, fields.get(name)?.label ?? name);
  }
  return [...columns].map(([name, label]) => ({ name, label }));
}

/** A record's answer to one field, in words (as the portal shows it), or empty. */
function answerText(payload: AgencyPayloadV1, name: string): string {
  if (!Object.hasOwn(payload.answers, name)) return '';
  const field: FieldDefinition | undefined = getJourney(payload.lifeEvent)
    .pages.flatMap((page) => page.fields)
    .find((candidate) => candidate.name === name);
  const value = payload.answers[name];
  // A person's line has a comma of its own ("Ravi Shah, born 2 May 1984"): people are kept apart by semicolons.
  return field ? formatAnswer(field, value).join(field.kind === 'people' ? '; ' : ', ') : JSON.stringify(value);
}

function csv(agency: AgencyKind, labels: FileColumnLabels, records: FileRecord[]): string {
  const answers = answerColumns(agency);
  const header = [
    labels.notification,
    labels.reference,
    labels.lifeEvent,
    labels.submittedAt,
    labels.channel,
    ...answers.map((column) => column.label),
  ];
  const rows = records.map(({ deliveryId, payload }) => [
    deliveryId,
    payload.reference,
    catalogue[payload.lifeEvent].title,
    payload.submittedAt,
    payload.channel,
    ...answers.map((column) => answerText(payload, column.name)),
  ]);
  // RFC 4180 line ends; cells a spreadsheet would run as formulas are neutralised, as in the portal's export.
  return `${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Text for XML: escaped, and without the control characters XML 1.0 cannot carry. */
function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function xml(
  agency: AgencyKind,
  run: { id: string; createdAt: Date; organisationId?: string },
  records: FileRecord[],
): string {
  const answers = answerColumns(agency);
  const attributes = (pairs: [string, string][]) =>
    pairs.map(([name, value]) => ` ${name}="${xmlText(value)}"`).join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<notifications xmlns="urn:tell-us-once:notifications:1"${attributes([
      ['agency', agency],
      ...(run.organisationId ? [['organisation', run.organisationId] as [string, string]] : []),
      ['run', run.id],
      ['created', run.createdAt.toISOString()],
      ['records', String(records.length)],
    ])}>`,
    ...records.flatMap(({ deliveryId, payload }) => [
      `  <notification${attributes([
        ['id', deliveryId],
        ['reference', payload.reference],
        ['lifeEvent', payload.lifeEvent],
        ['submittedAt', payload.submittedAt],
        ['channel', payload.channel],
      ])}>`,
      ...answers
        .filter((column) => Object.hasOwn(payload.answers, column.name))
        .map(
          (column) =>
            `    <answer${attributes([
              ['name', column.name],
              ['label', column.label],
            ])}>${xmlText(answerText(payload, column.name))}</answer>`,
        ),
      '  </notification>',
    ]),
    '</notifications>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Makes a run's file (CSV, or XML holding the same records) and its manifest: the file's name,
 * record count and SHA-256 (and whose file it is), so the organisation's import can check it has the whole file.
 */
export function agencyFile(
  agency: AgencyKind,
  labels: FileColumnLabels,
  run: { id: string; fileName: string; format: 'csv' | 'xml'; createdAt: Date; organisationId?: string },
  records: FileRecord[],
): AgencyFile {
  const content = Buffer.from(run.format === 'csv' ? csv(agency, labels, records) : xml(agency, run, records), 'utf8');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const manifest = {
    file: run.fileName,
    format: run.format,
    records: records.length,
    sha256,
    agency,
    ...(run.organisationId ? { organisation: run.organisationId } : {}),
    run: run.id,
    created: run.createdAt.toISOString(),
  };
  return {
    name: run.fileName,
    content,
    recordCount: records.length,
    sha256,
    manifest: {
      name: `${run.fileName}.manifest.json`,
      content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    },
  };
}
