import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Withdrawing and correcting a report: when (and by whom) it was withdrawn; each correction a
// supervisor made; and the events that tell webhook agencies already told (one `withdrawn` per
// notification at most, a `corrected` per correction), sent and retried like deliveries. A
// delivery withdrawn before it was sent is `cancelled`.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('submissions')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'text', (c) => c.check(sql`withdrawn_by in ('resident', 'staff')`))
    .addColumn('withdrawal_reason', 'text')
    .execute();

  await db.schema
    .createTable('submission_corrections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('staff_id', 'uuid', (c) => c.references('staff_users.id'))
    .addColumn('corrected_at', 'timestamptz', (c) => c.notNull())
    // Field names only: the values themselves are in the (sealed) envelope.
    .addColumn('fields', sql`text[]`, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_corrections_submission_idx')
    .on('submission_corrections')
    .columns(['submission_id', 'corrected_at'])
    .execute();

  await db.schema
    .createTable('notification_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('delivery_id', 'uuid', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('withdrawn', 'corrected')`))
    .addColumn('correction_id', 'uuid', (c) => c.references('submission_corrections.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'sending', 'delivered', 'failed', 'cancelled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The event's data, sealed like payloads (a correction's new values); null once answers are erased.
    .addColumn('payload', 'jsonb')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .execute();
  // Exactly once: a notification is withdrawn at most once, however many times withdrawal is asked for.
  await sql`create unique index notification_events_one_withdrawal_idx on notification_events (delivery_id) where kind = 'withdrawn'`.execute(
    db,
  );
  await db.schema
    .createIndex('notification_events_delivery_idx')
    .on('notification_events')
    .columns(['delivery_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_events').execute();
  await db.schema.dropTable('submission_corrections').execute();
  await db.schema
    .alterTable('submissions')
    .dropColumn('withdrawn_at')
    .dropColumn('withdrawn_by')
    .dropColumn('withdrawal_reason')
    .execute();
}
