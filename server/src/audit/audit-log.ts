import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/** Who did something: a resident (online), staff, an agency, or the system itself. */
export interface Actor {
  type: 'resident' | 'staff' | 'agency' | 'system';
  id?: string;
}

/** One line of the audit log. `detail` must never hold personal data: ids, codes and counts only. */
export interface AuditEvent {
  actor: Actor;
  action: string;
  submissionId?: string;
  detail?: Record<string, string | number | boolean | string[] | null>;
}

/** Writes audit events, inside the caller's transaction when given one, so they stand or fall with the change. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        actor_type: event.actor.type,
        actor_id: event.actor.id ?? null,
        action: event.action,
        submission_id: event.submissionId ?? null,
        detail: JSON.stringify(event.detail ?? {}),
      })),
    )
    .execute();
}
