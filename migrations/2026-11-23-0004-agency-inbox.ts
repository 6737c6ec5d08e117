import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
export async function up(db: Kysely<any>): Promise<void> {
  // The inbox order: a notification becomes readable by its agency in the transaction that marks
  // it delivered. Ordering by that transaction's id, and only serving rows whose transaction is
  // older than every transaction still running, lets agencies page with a cursor and receive each
  // notification exactly once, even while new ones are being written.
  await sql`create sequence inbox_seq`.execute(db);
  await db.schema
    .alterTable('deliveries')
    .addColumn('inbox_xid', sql`xid8`)
    .addColumn('inbox_seq', 'bigint')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('actioned_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema
    .createIndex('deliveries_inbox_idx')
    .on('deliveries')
    .columns(['agency', 'inbox_xid', 'inbox_seq'])
    .where(sql.ref('inbox_xid'), 'is not', null)
    .execute();

  await db.schema
    .createTable('agency_api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_api_keys').execute();
  await db.schema
    .alterTable('deliveries')
    .dropColumn('inbox_xid')
    .dropColumn('inbox_seq')
    .dropColumn('delivered_at')
    .dropColumn('acknowledged_at')
    .dropColumn('actioned_at')
    .dropColumn('outcome')
    .execute();
  await sql`drop sequence inbox_seq`.execute(db);
}
