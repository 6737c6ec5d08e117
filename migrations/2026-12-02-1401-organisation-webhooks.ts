import { sql, type Kysely } from 'kysely';
// Frozen: never edit a migration that has shipped; add a new one beside it.

// An organisation's own webhook (#16): where its notifications are pushed, and the Standard
// Webhooks secret that signs them, sealed (AES-256-GCM under a key derived from SESSION_SECRET and
// the organisation, like the TOTP keys), never readable from the database alone. Without one, an
// organisation reads its inbox (pull API or agency portal); the kind's fallback keeps the webhook
// configured for the kind (AGENCY_<KIND>_WEBHOOK_URL). Rotations in the agency portal
// (agency_webhook_secrets) sign over this secret, as they do over the configured one.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisation_settings
      add column webhook_url text check (webhook_url ~ '^https?://'),
      add column webhook_secret_sealed text,
      add constraint organisation_settings_webhook_check check ((webhook_url is null) = (webhook_secret_sealed is null))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisation_settings
      drop constraint organisation_settings_webhook_check,
      drop column webhook_secret_sealed,
      drop column webhook_url
  `.execute(db);
}
