import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// A second factor for password accounts: an authenticator app's TOTP secret, sealed, with the last
// time step used (a code is never accepted twice), and one-time recovery codes kept only as hashes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff_users')
    .addColumn('totp_sealed_secret', 'text')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('totp_enrolled_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('staff_recovery_codes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('staff_id', 'uuid', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('staff_recovery_codes_lookup_idx')
    .on('staff_recovery_codes')
    .columns(['staff_id', 'code_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_recovery_codes').execute();
  await db.schema
    .alterTable('staff_users')
    .dropColumn('totp_sealed_secret')
    .dropColumn('totp_last_step')
    .dropColumn('totp_enrolled_at')
    .execute();
}
