import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Email alerts to an agency's team mailbox: how many new notifications wait in its inbox, never
// what they say. Each alert counts the notifications after the previous alert's position in the
// inbox order (the same order, and the same snapshot rule, as the agency API's cursor), so each
// notification is counted in one alert only; the alert row is written before it is sent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The recipient, as deliveries name it (the agency today).
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('notifications', 'integer', (c) => c.notNull().check(sql`notifications > 0`))
    .addColumn('up_to_xid', sql`xid8`, (c) => c.notNull())
    .addColumn('up_to_seq', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sent', 'recorded', 'failed')`))
    .addColumn('provider_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('agency_alerts_position_key', ['agency', 'up_to_xid', 'up_to_seq'])
    .execute();
  await sql`create index agency_alerts_latest_idx on agency_alerts (agency, up_to_xid desc, up_to_seq desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_alerts').execute();
}
