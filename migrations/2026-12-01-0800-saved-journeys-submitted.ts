import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// A saved form whose report has since been sent is spent: the row keeps the report's reference
// (not personal data) so the code or link can say where to track it instead of restoring it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('saved_journeys').addColumn('submitted_reference', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('saved_journeys').dropColumn('submitted_reference').execute();
}
