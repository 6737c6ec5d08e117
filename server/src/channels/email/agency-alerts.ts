import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { OrganisationScope } from '../../organisations/organisation-scope.js';

/** An alert written and not yet sent. */
export interface QueuedAlert {
  id: string;
  notifications: number;
}

/** The organisation's alert left unsent (its worker died, or Notify was down), to send first. */
export async function findQueuedAlert(
  db: Kysely<Database>,
  organisation: OrganisationScope,
): Promise<QueuedAlert | undefined> {
  return db
    .selectFrom('agency_alerts')
    .select(['id', 'notifications'])
    .where('organisation_id', '=', organisation.id)
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .executeTakeFirst();
}

/**
 * Writes the next alert, if anything new waits: the notifications that entered the organisation's inbox
 * after the previous alert's position (in inbox order, only from transactions older than any still
 * running, so one committing late is counted next time, never skipped), of which those still new
 * are counted. One statement; two workers at once write one alert (the position is unique).
 */
export async function writeNextAlert(
  db: Kysely<Database>,
  organisation: OrganisationScope,
): Promise<QueuedAlert | undefined> {
  const rows = await sql<QueuedAlert>`
    with last as (
      select up_to_xid, up_to_seq from agency_alerts where organisation_id = ${organisation.id}
      order by up_to_xid desc, up_to_seq desc limit 1
    ),
    fresh as (
      -- After the previous alert's position (from the start without one: no real position is
      -- (0, 0)), as one row comparison, so deliveries_organisation_inbox_idx reads only the new
      -- part of the inbox, never the organisation's whole history.
      select d.inbox_xid, d.inbox_seq, d.status from deliveries d
      where d.organisation_id = ${organisation.id} and d.inbox_xid is not null
        and d.inbox_xid < pg_snapshot_xmin(pg_current_snapshot())
        and (d.inbox_xid, d.inbox_seq) > (coalesce((select up_to_xid from last), '0'::xid8), coalesce((select up_to_seq from last), 0))
    ),
    counted as (
      select count(*) filter (where status = 'delivered') as notifications,
        (array_agg(inbox_xid order by inbox_xid desc, inbox_seq desc))[1] as up_to_xid,
        (array_agg(inbox_seq order by inbox_xid desc, inbox_seq desc))[1] as up_to_seq
      from fresh
    )
    insert into agency_alerts (agency, organisation_id, notifications, up_to_xid, up_to_seq, status, created_at)
    select ${organisation.kind}, ${organisation.id}, notifications, up_to_xid, up_to_seq, 'queued', now()
    from counted where notifications > 0
    on conflict (organisation_id, up_to_xid, up_to_seq) do nothing
    returning id, notifications
  `.execute(db);
  return rows.rows[0];
}

/** What became of an alert. */
export async function settleAlert(
  db: Kysely<Database>,
  id: string,
  outcome: { status: 'sent' | 'recorded' | 'failed'; providerId?: string; error?: string },
): Promise<void> {
  await db
    .updateTable('agency_alerts')
    .set({
      status: outcome.status,
      provider_id: outcome.providerId ?? null,
      error: outcome.error ?? null,
      sent_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}
