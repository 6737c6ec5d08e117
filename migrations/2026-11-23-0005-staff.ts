import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The customer-centre staff console: accounts, their sessions, sign-in throttling, search over
// submissions, case notes, and an audit log that records where each action came from and can
// never be changed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('adviser', 'supervisor', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  // One account per address, whatever its case.
  await sql`create unique index staff_users_email_key on staff_users (lower(email))`.execute(db);

  // Kept apart from residents' `sessions`: different lifetimes, and "sign out everywhere" needs the owner.
  await db.schema
    .createTable('staff_sessions')
    .addColumn('sid', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'uuid', (c) => c.references('staff_users.id').onDelete('cascade'))
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('signed_in_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_staff_idx').on('staff_sessions').column('staff_id').execute();
  await db.schema.createIndex('staff_sessions_expires_at_idx').on('staff_sessions').column('expires_at').execute();

  // Failed sign-ins by account and by address, counted over a window to throttle guessing.
  await db.schema
    .createTable('staff_sign_in_failures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('staff_sign_in_failures_key_idx')
    .on('staff_sign_in_failures')
    .columns(['key', 'at'])
    .execute();

  // Normalised search terms per submission, written in the submission's own statement.
  await db.schema
    .createTable('submission_search')
    .addColumn('submission_id', 'uuid', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('postcodes', 'text', (c) => c.notNull())
    .addColumn('dates_of_birth', sql`date[]`, (c) => c.notNull())
    .execute();
  for (const column of ['reference', 'names', 'postcodes']) {
    await sql`create index ${sql.raw(`submission_search_${column}_trgm`)} on submission_search using gin (${sql.ref(column)} gin_trgm_ops)`.execute(
      db,
    );
  }
  await sql`create index submission_search_dates_of_birth_idx on submission_search using gin (dates_of_birth)`.execute(
    db,
  );

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (c) => c.notNull().references('staff_users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('case_notes_submission_idx')
    .on('case_notes')
    .columns(['submission_id', 'created_at'])
    .execute();

  // Accountability: where each action came from, and filters an admin reads the log by.
  await db.schema.alterTable('audit_events').addColumn('address', 'text').execute();
  await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_events_action_idx').on('audit_events').columns(['action', 'at']).execute();
  // The log is append-only for everyone, the application included.
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_events_no_change before update or delete on audit_events for each row execute function audit_events_append_only()`.execute(
    db,
  );
  await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_events_no_truncate on audit_events`.execute(db);
  await sql`drop trigger audit_events_no_change on audit_events`.execute(db);
  await sql`drop function audit_events_append_only()`.execute(db);
  for (const index of ['audit_events_action_idx', 'audit_events_actor_idx', 'audit_events_at_idx'])
    await db.schema.dropIndex(index).execute();
  await db.schema.alterTable('audit_events').dropColumn('address').execute();
  for (const table of ['case_notes', 'submission_search', 'staff_sign_in_failures', 'staff_sessions', 'staff_users']) {
    await db.schema.dropTable(table).execute();
  }
}
