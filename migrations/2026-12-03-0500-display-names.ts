import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The name a staff or agency portal account is shown by to colleagues (an officer's page says who
// at their organisation acknowledged a notification; staff see which adviser took a report). Null
// until set by the account's command line, single sign-on (the `name` claim) or an administrator:
// the email address stands in for it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_users')
    .addColumn('display_name', 'text', (column) =>
      column.check(sql`display_name is null or char_length(display_name) between 1 and 100`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_users').dropColumn('display_name').execute();
}
