import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Save and come back later: a resident's answers kept server-side for a while, reached by a one-time
// link (only its hash is kept) or a short code (only its keyed hash is kept), never by what they contain.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_journeys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('life_event', 'text', (c) => c.notNull())
    // The question page the resident left from, so restoring returns them there.
    .addColumn('page_id', 'text', (c) => c.notNull())
    // The answers so far; null once restored (the row stays until expiry to say "already used").
    .addColumn('answers', 'jsonb')
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('code_hash', 'text', (c) => c.unique())
    // Where to send the link ('email' or 'sms') and the address, only until the message has gone.
    .addColumn('send_channel', 'text')
    .addColumn('send_to', 'text')
    .addColumn('send_status', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('saved_journeys_expires_at_idx').on('saved_journeys').column('expires_at').execute();
  // Wrong codes, by client address, so guessing is slowed to a handful of tries an hour.
  await db.schema
    .createTable('saved_journey_code_failures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('saved_journey_code_failures_key_at_idx')
    .on('saved_journey_code_failures')
    .columns(['key', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_journey_code_failures').execute();
  await db.schema.dropTable('saved_journeys').execute();
}
