import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Privacy by design: protected identifiers encrypted at rest, searchable by keyed hash; personal
// answers erased on schedule or on request, leaving a skeleton for statistics.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    // The key the protected answers (and the deliveries' payloads) are sealed with; null on rows
    // written before sealing, which the reseal task seals and indexes.
    .addColumn('protected_key_id', 'text')
    // When the personal answers were erased, and why: 'retention' (scheduled) or 'request' (an admin).
    .addColumn('answers_erased_at', 'timestamptz')
    .addColumn('erasure_kind', 'text', (c) => c.check(sql`erasure_kind in ('retention', 'request')`))
    .addColumn('erasure_reason', 'text')
    .execute();
  // The retention job looks only at submissions still holding answers, oldest first.
  await db.schema
    .createIndex('submissions_unerased_idx')
    .on('submissions')
    .column('submitted_at')
    .where(sql.ref('answers_erased_at'), 'is', null)
    .execute();

  // Keyed hashes (HMAC) of NHS numbers, NI numbers and dates of birth, for exact-match search.
  await db.schema
    .alterTable('submission_search')
    .addColumn('identifier_hashes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await sql`create index submission_search_identifier_hashes_idx on submission_search using gin (identifier_hashes)`.execute(
    db,
  );
  // Dates of birth no longer rest in clear. The column stays (empty) so a build from before this
  // release still runs during a rolling deploy; the reseal task rebuilds these rows' hashes.
  await sql`alter table submission_search alter column dates_of_birth set default '{}'::date[]`.execute(db);
  await sql`update submission_search set dates_of_birth = '{}'::date[] where dates_of_birth <> '{}'::date[]`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table submission_search alter column dates_of_birth drop default`.execute(db);
  await sql`drop index submission_search_identifier_hashes_idx`.execute(db);
  await db.schema.alterTable('submission_search').dropColumn('identifier_hashes').execute();
  await db.schema.dropIndex('submissions_unerased_idx').execute();
  await db.schema
    .alterTable('submissions')
    .dropColumn('protected_key_id')
    .dropColumn('answers_erased_at')
    .dropColumn('erasure_kind')
    .dropColumn('erasure_reason')
    .execute();
}
