import { sql, type Kysely } from 'kysely';
// Frozen: never edit a migration that has shipped; add a new one beside it.

// Settings an admin gives one organisation in the staff console (#16), overriding what the
// environment sets for every organisation of its kind: its service-level targets (working days to
// acknowledge and to action a notification, both or neither) and the verification level a report
// must reach before it is sent to it. No row, or a null, means the configured default.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organisation_settings (
      organisation_id uuid primary key references organisations (id) on delete cascade,
      acknowledge_days integer check (acknowledge_days between 0 and 365),
      action_days integer check (action_days between 0 and 365),
      verification_minimum text check (verification_minimum in ('low', 'medium', 'high')),
      updated_at timestamptz not null default now(),
      check ((acknowledge_days is null) = (action_days is null)),
      check (acknowledge_days is null or acknowledge_days <= action_days)
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_settings').execute();
}
