import type { CaseNote } from '@tuo/shared/api/staff-submissions';
import { sql, type Kysely } from 'kysely';
import { auditInsert, type Actor } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';

/** A submission's case notes, oldest first, each with its author. */
export async function listCaseNotes(db: Kysely<Database>, submissionId: string): Promise<CaseNote[]> {
  const rows = await db
    .selectFrom('case_notes as n')
    .innerJoin('staff_users as u', 'u.id', 'n.staff_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.email', 'u.display_name'])
    .where('n.submission_id', '=', submissionId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    staffEmail: row.email,
    staffName: row.display_name,
  }));
}

/** Adds a case note and its audit line in one statement. The note's text stays out of the audit log. */
export async function addCaseNote(
  db: Kysely<Database>,
  submissionId: string,
  actor: Actor & { id: string },
  body: string,
): Promise<void> {
  await sql`
    with note as (insert into case_notes (submission_id, staff_id, body) values (${submissionId}, ${actor.id}, ${body}) returning id)
    ${auditInsert({ actor, action: 'staff.case-note.added', submissionId }, sql`from note`)}
  `.execute(db);
}
