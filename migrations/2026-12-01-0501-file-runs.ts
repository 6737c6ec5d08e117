import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Scheduled files for back offices that import them (revenues and benefits, electoral registration):
// each run first claims its records here (a delivery belongs to at most one run), then uploads
// under the run's own file name, then is marked uploaded. A run left claimed by a worker that died
// is resumed, and makes the same file again, so each record reaches the agency once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('file_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // The recipient, as deliveries name it (the agency today).
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'xml')`))
    .addColumn('file_name', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('claimed', 'uploaded')`))
    .addColumn('record_count', 'integer', (c) => c.notNull().check(sql`record_count >= 0`))
    .addColumn('sha256', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz')
    .execute();
  // Resuming looks for the agency's unfinished run.
  await sql`create index file_runs_claimed_idx on file_runs (agency) where status = 'claimed'`.execute(db);

  await db.schema
    .alterTable('deliveries')
    .addColumn('file_run_id', 'bigint', (c) => c.references('file_runs.id'))
    .execute();
  await sql`create index deliveries_file_run_idx on deliveries (file_run_id) where file_run_id is not null`.execute(db);
  // What the next run claims: notifications waiting for an agency's file.
  await sql`create index deliveries_waiting_for_file_idx on deliveries (agency, created_at)
    where transport = 'file' and status = 'queued' and file_run_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('file_run_id').execute();
  await db.schema.dropTable('file_runs').execute();
}
