import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
export async function up(db: Kysely<any>): Promise<void> {
  // The worker that delivers sets the transport, from its own configuration.
  await db.schema
    .alterTable('deliveries')
    .alterColumn('transport', (c) => c.dropNotNull())
    .execute();
  // Idempotency records now hold a hash of the key and the response encrypted under the key itself,
  // so a copy of the database reveals no tracking secret; they expire after a day. Earlier rows
  // held responses in clear and are dropped.
  await sql`delete from idempotency_keys`.execute(db);
  await db.schema
    .alterTable('idempotency_keys')
    .alterColumn('response', (c) => c.setDataType('text'))
    .execute();
  await db.schema
    .alterTable('idempotency_keys')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '24 hours'`))
    .execute();
  await db.schema.createIndex('idempotency_keys_expires_at_idx').on('idempotency_keys').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('expires_at').execute();
  await sql`delete from idempotency_keys`.execute(db);
  await sql`alter table idempotency_keys alter column response type jsonb using null`.execute(db);
}
