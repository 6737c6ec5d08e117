import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// The agency portal: people at an agency sign in with the staff console's machinery (accounts,
// sessions, throttling) but as agency users tied to one agency; agency admins rotate the webhook
// secret, whose rotated values are kept sealed here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('agency', 'text').execute();
  await sql`alter table staff_users drop constraint staff_users_role_check`.execute(db);
  await sql`alter table staff_users add constraint staff_users_role_check check (role in ('adviser', 'supervisor', 'admin', 'agency-user', 'agency-admin'))`.execute(
    db,
  );
  // An agency role always names its agency, and a customer-centre role never does.
  await sql`alter table staff_users add constraint staff_users_agency_check check ((agency is not null) = (role in ('agency-user', 'agency-admin')))`.execute(
    db,
  );

  // The portal's work list filters by agency and status and sorts by delivery time.
  await db.schema
    .createIndex('deliveries_agency_portal_idx')
    .on('deliveries')
    .columns(['agency', 'status', 'delivered_at'])
    .where(sql.ref('inbox_xid'), 'is not', null)
    .execute();

  // Webhook signing secrets after the first rotation (before it, the configured one is used).
  // `retires_at` is null for the current secret; a replaced secret keeps signing until then.
  await db.schema
    .createTable('agency_webhook_secrets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retires_at', 'timestamptz')
    .execute();
  await sql`create unique index agency_webhook_secrets_current_key on agency_webhook_secrets (agency) where retires_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_webhook_secrets').execute();
  await db.schema.dropIndex('deliveries_agency_portal_idx').execute();
  await sql`delete from staff_users where agency is not null`.execute(db);
  await sql`alter table staff_users drop constraint staff_users_agency_check`.execute(db);
  await sql`alter table staff_users drop constraint staff_users_role_check`.execute(db);
  await sql`alter table staff_users add constraint staff_users_role_check check (role in ('adviser', 'supervisor', 'admin'))`.execute(
    db,
  );
  await db.schema.alterTable('staff_users').dropColumn('agency').execute();
}
