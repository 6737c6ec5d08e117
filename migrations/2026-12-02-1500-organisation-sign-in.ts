import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Single sign-on for the agency portal, per organisation: the organisation's OpenID Connect
// provider (issuer, client id, the client secret sealed as the TOTP keys are, the claim that
// carries roles and how its values map to portal roles), and whether its people may still sign in
// with a password. One row per organisation that has a provider; none means passwords only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation_sign_in')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('sealed_client_secret', 'text', (c) => c.notNull())
    .addColumn('roles_claim', 'text', (c) => c.notNull().defaultTo('roles'))
    .addColumn('role_map', 'jsonb', (c) => c.notNull())
    .addColumn('passwords', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('staff_users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organisation_sign_in').execute();
}
