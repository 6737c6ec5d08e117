import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// When a notification waiting in an organisation's inbox was first opened there: read by their
// system through the agency API, or by an officer in the agency portal. Until then the resident's
// tracking page says it waits in their inbox, not that they have it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').addColumn('opened_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('opened_at').execute();
}
