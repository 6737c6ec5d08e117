import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Indexes left behind when deliveries came to belong to organisations (2026-12-01-0401): the
// inbox and the agency portal are read per organisation now, by the indexes that migration made
// (deliveries_organisation_inbox_idx, deliveries_organisation_portal_idx), and the latter's first
// column serves the foreign key to organisations as well. Every delivery wrote each of these three
// on insert and again on each change of status (those updates cannot be HOT), for no read (#18).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index deliveries_inbox_idx`.execute(db);
  await sql`drop index deliveries_agency_portal_idx`.execute(db);
  await sql`drop index deliveries_organisation_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index deliveries_inbox_idx on deliveries (agency, inbox_xid, inbox_seq) where inbox_xid is not null`.execute(
    db,
  );
  await sql`create index deliveries_agency_portal_idx on deliveries (agency, status, delivered_at) where inbox_xid is not null`.execute(
    db,
  );
  await sql`create index deliveries_organisation_idx on deliveries (organisation_id)`.execute(db);
}
