import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Single sign-on: an account may be known to an OpenID Connect provider by its issuer and subject
// (the `iss` and `sub` of its ID tokens), which never change when a person's email address does.
// An account made by its first sign-in through a provider has no password.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_users')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .execute();
  await db.schema
    .alterTable('staff_users')
    .addCheckConstraint('staff_users_oidc_both', sql`(oidc_issuer is null) = (oidc_subject is null)`)
    .execute();
  await db.schema
    .alterTable('staff_users')
    .alterColumn('password_hash', (c) => c.dropNotNull())
    .execute();
  await sql`create unique index staff_users_oidc_key on staff_users (oidc_issuer, oidc_subject) where oidc_subject is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index staff_users_oidc_key`.execute(db);
  await db.schema.alterTable('staff_users').dropConstraint('staff_users_oidc_both').execute();
  await db.schema.alterTable('staff_users').dropColumn('oidc_issuer').dropColumn('oidc_subject').execute();
}
