import { normaliseReference } from '@tuo/shared';
import type { SubjectAccessExport } from '@tuo/shared/api/subject-access';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { deliveryRecords } from '../deliveries/delivery-records.js';
import { answeredOrganisationNames, answeredRows } from '../staff/answered-rows.js';
import { listCaseNotes } from '../staff/case-notes.js';
import { queryAuditLog } from '../staff/audit-query.js';
import type { ProtectedValues } from './protected-values.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Every audit event about a submission, oldest first (the audit query pages newest first). */
async function allAuditEvents(db: Kysely<Database>, reference: string): Promise<SubjectAccessExport['auditEvents']> {
  const events: SubjectAccessExport['auditEvents'] = [];
  for (let before: string | undefined; ;) {
    const page = await queryAuditLog(db, { reference, limit: 200, ...(before ? { before } : {}) });
    events.push(...page.events);
    if (!page.nextBefore) return events.reverse();
    before = page.nextBefore;
  }
}

/**
 * Everything held about one submission, for a subject access request: the submission and its
 * consent, its answers opened, each delivery with its payload, events and attempts, messages,
 * case notes and every audit event about it. Undefined when there is no such reference.
 */
export async function exportSubmission(
  db: Kysely<Database>,
  privacy: ProtectedValues,
  reference: string,
): Promise<SubjectAccessExport | undefined> {
  const submission = await db
    .selectFrom('submissions')
    .selectAll()
    .where('reference', '=', normaliseReference(reference))
    .executeTakeFirst();
  if (!submission) return undefined;
  const envelope = privacy.openEnvelope(submission.envelope);
  const lifeEvent = submission.life_event;
  const [deliveries, messages, caseNotes, chases, auditEvents] = await Promise.all([
    deliveryRecords(db, submission.id),
    db
      .selectFrom('resident_messages')
      .selectAll()
      .where('submission_id', '=', submission.id)
      .orderBy('created_at')
      .execute(),
    listCaseNotes(db, submission.id),
    db
      .selectFrom('chase_requests as c')
      .innerJoin('deliveries as d', 'd.id', 'c.delivery_id')
      .select(['d.agency', 'c.target', 'c.status', 'c.requested_at', 'c.resident_note', 'c.handled_at', 'c.staff_note'])
      .where('c.submission_id', '=', submission.id)
      .orderBy('c.requested_at')
      .execute(),
    allAuditEvents(db, submission.reference),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    submission: {
      id: submission.id,
      reference: submission.reference,
      lifeEvent,
      channel: submission.channel,
      language: submission.language,
      schemaVersion: submission.schema_version,
      submittedAt: submission.submitted_at.toISOString(),
      answersErasedAt: iso(submission.answers_erased_at),
      erasureKind: submission.erasure_kind,
      erasureReason: submission.erasure_reason,
    },
    consent: envelope.consent,
    consentGivenBy: envelope.consentGivenBy ?? null,
    answers: envelope.answers,
    answerSummary: answeredRows(
      lifeEvent,
      envelope.answers,
      await answeredOrganisationNames(db, lifeEvent, envelope.answers),
    ),
    deliveries: deliveries.map(({ row, record }) => ({
      ...record,
      deliveredAt: iso(row.delivered_at),
      acknowledgedAt: iso(row.acknowledged_at),
      actionedAt: iso(row.actioned_at),
      payload: row.payload === null ? null : (privacy.openPayload(row.payload) as unknown as Record<string, unknown>),
    })),
    residentMessages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      channel: m.channel,
      status: m.status,
      createdAt: m.created_at.toISOString(),
      updatedAt: m.updated_at.toISOString(),
      error: m.error,
    })),
    caseNotes,
    chaseRequests: chases.map((c) => ({
      agency: c.agency,
      target: c.target,
      status: c.status,
      requestedAt: c.requested_at.toISOString(),
      residentNote: c.resident_note,
      handledAt: iso(c.handled_at),
      staffNote: c.staff_note,
    })),
    auditEvents,
  };
}
