import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// A move between two councils tells both: the old council (to close the account) and the new one
// (to open it), each its own delivery of the same kind. So a submission has one delivery per
// organisation, not per kind, and a delivery may carry its role: 'leaving' (the home left is in
// its area) or 'joining' (the home moved to is); null when it is its kind's only one.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table deliveries add column role text check (role in ('leaving', 'joining'))`.execute(db);
  await sql`alter table deliveries drop constraint deliveries_submission_agency_key`.execute(db);
  await sql`alter table deliveries add constraint deliveries_submission_organisation_key unique (submission_id, organisation_id)`.execute(
    db,
  );
  // A kind's one delivery has no role, and two deliveries of a kind never share one.
  await sql`create unique index deliveries_submission_agency_role_key on deliveries (submission_id, agency, coalesce(role, ''))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  // The second organisation of a kind has no place once deliveries are per kind again.
  await sql`delete from deliveries where role = 'leaving'`.execute(db);
  await sql`drop index deliveries_submission_agency_role_key`.execute(db);
  await sql`alter table deliveries drop constraint deliveries_submission_organisation_key`.execute(db);
  await sql`alter table deliveries add constraint deliveries_submission_agency_key unique (submission_id, agency)`.execute(
    db,
  );
  await sql`alter table deliveries drop column role`.execute(db);
}
