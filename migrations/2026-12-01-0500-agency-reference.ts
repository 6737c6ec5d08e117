import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The agency's own case reference for a notification: returned in its webhook's 2xx answer, or
// given when it acknowledges or actions through the API or portal. Residents see it when tracking
// their report and staff in the console. Short, single-line, printable: checked here as in the API.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('deliveries')
    .addColumn('agency_reference', 'text', (c) =>
      c.check(sql`char_length(agency_reference) between 1 and 64 and agency_reference !~ '[[:cntrl:]]'`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('agency_reference').execute();
}
