import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Every minute, each organisation with an email alert first looks for its alert left unsent. By
// organisation alone (agency_alerts_latest_idx) that read every alert it had ever had, to keep the
// one or none still queued: an organisation alerted at once gains up to 1,440 a day (EXPLAIN
// ANALYZE, 400 organisations with 120 alerts each: 120 rows read and thrown away per look-up).
// Only queued alerts are in this index, so the look-up reads what it finds.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index agency_alerts_queued_idx on agency_alerts (organisation_id, created_at) where status = 'queued'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index agency_alerts_queued_idx`.execute(db);
}
