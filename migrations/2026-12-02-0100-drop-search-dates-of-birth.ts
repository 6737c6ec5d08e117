import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Dates of birth have been searched by keyed hash (identifier_hashes) since 2026-11-23-0008; the
// clear column has been empty ever since, kept only while older code could still be running.
export async function up(db: Kysely<any>): Promise<void> {
  // Its GIN index goes with it.
  await db.schema.alterTable('submission_search').dropColumn('dates_of_birth').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('submission_search')
    .addColumn('dates_of_birth', sql`date[]`, (c) => c.notNull().defaultTo(sql`'{}'::date[]`))
    .execute();
  await sql`alter table submission_search alter column dates_of_birth drop default`.execute(db);
  await sql`create index submission_search_dates_of_birth_idx on submission_search using gin (dates_of_birth)`.execute(
    db,
  );
}
