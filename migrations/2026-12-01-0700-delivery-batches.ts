import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
export async function up(db: Kysely<any>): Promise<void> {
  // Deliveries are claimed by the worker's dispatcher straight from this table, many per statement
  // (server/src/deliveries/claim-deliveries.ts), rather than one graphile-worker job per attempt.
  //  due_at      when the next attempt may be claimed; null when nothing is waiting to be sent. While
  //              sending, when the claim may be taken over if its worker has stopped heartbeating.
  //  claimed_by  the dispatcher (a worker_leases id) holding the attempt being sent.
  //  claim       a fresh token per claim: an outcome is recorded only by the holder of the current one.
  await db.schema
    .alterTable('deliveries')
    .addColumn('due_at', 'timestamptz')
    .addColumn('claimed_by', 'text')
    .addColumn('claim', 'uuid')
    .execute();
  await db.schema
    .createIndex('deliveries_due_idx')
    .on('deliveries')
    .columns(['agency', 'due_at'])
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deliveries_due_idx').execute();
  await db.schema.alterTable('deliveries').dropColumn('due_at').dropColumn('claimed_by').dropColumn('claim').execute();
}
