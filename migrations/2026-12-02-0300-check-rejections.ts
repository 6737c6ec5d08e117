import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// A notification held for a staff check that a supervisor decided not to send: it is `cancelled`,
// with when and why (the reason stays with staff; the resident's tracking page says it was not sent).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deliveries')
    .addColumn('check_rejected_at', 'timestamptz')
    .addColumn('check_rejection_reason', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deliveries')
    .dropColumn('check_rejected_at')
    .dropColumn('check_rejection_reason')
    .execute();
}
