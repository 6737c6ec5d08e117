import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Service levels: when a delivered notification missed its target to be acknowledged or actioned
// (set once, by a guarded update, however many workers run the check), and residents' requests
// to chase one up, which staff work through and whose outcome the resident sees.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deliveries')
    .addColumn('acknowledge_flagged_at', 'timestamptz')
    .addColumn('action_flagged_at', 'timestamptz')
    .execute();
  // The check reads only notifications that may still miss a target; the same predicate as its query.
  await sql`create index deliveries_targets_open_idx on deliveries (delivered_at)
    where delivered_at is not null and ((acknowledged_at is null and acknowledge_flagged_at is null) or (actioned_at is null and action_flagged_at is null))`.execute(
    db,
  );
  // Performance figures read notifications by when they were delivered.
  await sql`create index deliveries_delivered_at_idx on deliveries (delivered_at) where delivered_at is not null`.execute(
    db,
  );

  await db.schema
    .createTable('chase_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('delivery_id', 'uuid', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target in ('acknowledge', 'action')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'chased', 'resolved')`))
    .addColumn('resident_note', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('staff_id', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('staff_note', 'text')
    .addColumn('handled_at', 'timestamptz')
    .execute();
  // One piece of work per notification at a time: a repeated or concurrent request finds this one.
  await sql`create unique index chase_requests_one_active_idx on chase_requests (delivery_id) where status <> 'resolved'`.execute(
    db,
  );
  await db.schema
    .createIndex('chase_requests_submission_idx')
    .on('chase_requests')
    .columns(['submission_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('chase_requests_status_idx')
    .on('chase_requests')
    .columns(['status', 'requested_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chase_requests').execute();
  await db.schema.dropIndex('deliveries_delivered_at_idx').execute();
  await db.schema.dropIndex('deliveries_targets_open_idx').execute();
  await db.schema
    .alterTable('deliveries')
    .dropColumn('acknowledge_flagged_at')
    .dropColumn('action_flagged_at')
    .execute();
}
