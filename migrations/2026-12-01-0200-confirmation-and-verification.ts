import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Confirmed before sent: an online report waits (its deliveries "held", with no queue jobs) until
// its reporter enters the code sent to their email or mobile. What was checked about each report
// is kept as a list of checks; its level is worked out from them (shared/src/verification).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    // 'not-needed' (assisted, keyed or made before this), 'awaiting', 'confirmed' or 'expired'.
    .addColumn('confirmation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('not-needed')
        .check(sql`confirmation in ('not-needed', 'awaiting', 'confirmed', 'expired')`),
    )
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('verification_checks', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // The expiry task reads only reports still waiting; the same predicate as its query.
  await sql`create index submissions_awaiting_confirmation_idx on submissions (submitted_at) where confirmation = 'awaiting'`.execute(
    db,
  );
  await sql`alter table submissions drop constraint if exists submissions_erasure_kind_check`.execute(db);
  await sql`alter table submissions add constraint submissions_erasure_kind_check check (erasure_kind in ('retention', 'request', 'unconfirmed'))`.execute(
    db,
  );

  // Why a delivery is held: waiting for the reporter's code, or for a staff check (below the agency's minimum).
  await db.schema
    .alterTable('deliveries')
    .addColumn('held_for', 'text', (c) => c.check(sql`held_for in ('confirmation', 'check')`))
    .execute();
  await sql`create index deliveries_held_for_check_idx on deliveries (created_at) where status = 'held' and held_for = 'check'`.execute(
    db,
  );

  // One code per row: only its keyed hash is kept, with keyed hashes of where it went and who asked,
  // so sending can be capped per recipient and per client address without keeping either in clear.
  await db.schema
    .createTable('confirmation_codes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('recipient_hash', 'text', (c) => c.notNull())
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('spent_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('confirmation_codes_submission_idx')
    .on('confirmation_codes')
    .columns(['submission_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('confirmation_codes_recipient_idx')
    .on('confirmation_codes')
    .columns(['recipient_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('confirmation_codes_address_idx')
    .on('confirmation_codes')
    .columns(['address_hash', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('confirmation_codes').execute();
  await db.schema.alterTable('deliveries').dropColumn('held_for').execute();
  await sql`alter table submissions drop constraint submissions_erasure_kind_check`.execute(db);
  await sql`alter table submissions add constraint submissions_erasure_kind_check check (erasure_kind in ('retention', 'request'))`.execute(
    db,
  );
  await db.schema
    .alterTable('submissions')
    .dropColumn('confirmation')
    .dropColumn('confirmed_at')
    .dropColumn('verification_checks')
    .execute();
}
