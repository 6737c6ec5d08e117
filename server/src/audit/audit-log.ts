import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ActorType } from '@tuo/shared/api/admin-audit';
import type { Database } from '../db/database.js';

/**
 * Who did something: a resident (online), staff, an agency's system (by API key), a person at an
 * agency, a trusted submitter (a partner system, by its key), or the system itself.
 */
export interface Actor {
  type: ActorType;
  id?: string;
  /** Where a staff member or agency user acted from (their client address), for accountability. */
  address?: string;
}

/** One line of the audit log. `detail` must never hold personal data: ids, codes and counts only. */
export interface AuditEvent {
  actor: Actor;
  action: string;
  submissionId?: string;
  detail?: Record<string, string | number | boolean | string[] | null>;
}

/** Writes audit events, inside the caller's transaction when given one, so they stand or fall with the change. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  ...events: AuditEvent[]
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((event) => ({
        actor_type: event.actor.type,
        actor_id: event.actor.id ?? null,
        address: event.actor.address ?? null,
        action: event.action,
        submission_id: event.submissionId ?? null,
        detail: JSON.stringify(event.detail ?? {}),
      })),
    )
    .execute();
}

/**
 * The audit insert as SQL, for a caller composing one atomic statement; `from` supplies the rows
 * (e.g. `from s`, the CTE of what was just written), so the audit line exists only if they do.
 */
export function auditInsert(event: AuditEvent, from: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
    select ${event.actor.type}, ${event.actor.id ?? null}, ${event.actor.address ?? null}, ${event.action}, ${event.submissionId ?? null}, ${JSON.stringify(event.detail ?? {})}::jsonb ${from}`;
}
