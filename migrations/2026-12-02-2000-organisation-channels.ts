import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one beside it.
// Channels per organisation (#16). An admin chooses how an organisation is told (its primary
// channel: its own webhook, the pull API, the agency portal, or a scheduled file over SFTP) and
// whether its team mailbox gets an email alert; without a choice, the organisation keeps today's
// behaviour (its webhook if it has one, else its inbox; the kind's fallback, the environment's
// AGENCY_<KIND>_* channels). A scheduled file has its own SFTP address, host key fingerprint,
// format and schedule, and a key pair the portal makes: the private key sealed like the webhook
// secret (never readable from the database alone), the public key kept to show the
// organisation's IT. File runs and alerts are per organisation from now on (each earlier one was
// its kind's fallback's, the only organisation a file or alert served).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisation_settings
      add column primary_channel text check (primary_channel in ('webhook', 'pull-api', 'agency-portal', 'file')),
      add column file_sftp_url text check (file_sftp_url ~ '^sftp://'),
      add column file_host_key text check (file_host_key ~ '^SHA256:'),
      add column file_format text check (file_format in ('csv', 'xml')),
      add column file_schedule text,
      add column file_private_key_sealed text,
      add column file_public_key text,
      add column alert_email text,
      add column alert_frequency text check (alert_frequency in ('immediate', 'daily')),
      add constraint organisation_settings_file_check check (
        (file_sftp_url is null) = (file_host_key is null) and (file_sftp_url is null) = (file_format is null)
        and (file_sftp_url is null) = (file_schedule is null) and (file_sftp_url is null) = (file_private_key_sealed is null)
        and (file_sftp_url is null) = (file_public_key is null)),
      add constraint organisation_settings_alert_check check ((alert_email is null) = (alert_frequency is null)),
      add constraint organisation_settings_primary_check check (
        (primary_channel is distinct from 'webhook' or webhook_url is not null)
        and (primary_channel is distinct from 'file' or file_sftp_url is not null))
  `.execute(db);

  await sql`alter table file_runs add column organisation_id uuid references organisations (id)`.execute(db);
  await sql`update file_runs set organisation_id = (select id from organisations o where o.kind = file_runs.agency and o.fallback)`.execute(
    db,
  );
  await sql`alter table file_runs alter column organisation_id set not null`.execute(db);
  await sql`drop index file_runs_claimed_idx`.execute(db);
  await sql`create index file_runs_claimed_idx on file_runs (organisation_id) where status = 'claimed'`.execute(db);
  await sql`drop index deliveries_waiting_for_file_idx`.execute(db);
  await sql`create index deliveries_waiting_for_file_idx on deliveries (organisation_id, created_at)
    where transport = 'file' and status = 'queued' and file_run_id is null`.execute(db);

  await sql`alter table agency_alerts add column organisation_id uuid references organisations (id)`.execute(db);
  await sql`update agency_alerts set organisation_id = (select id from organisations o where o.kind = agency_alerts.agency and o.fallback)`.execute(
    db,
  );
  await sql`alter table agency_alerts alter column organisation_id set not null`.execute(db);
  await sql`alter table agency_alerts drop constraint agency_alerts_position_key`.execute(db);
  await sql`alter table agency_alerts add constraint agency_alerts_position_key unique (organisation_id, up_to_xid, up_to_seq)`.execute(
    db,
  );
  await sql`drop index agency_alerts_latest_idx`.execute(db);
  await sql`create index agency_alerts_latest_idx on agency_alerts (organisation_id, up_to_xid desc, up_to_seq desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index agency_alerts_latest_idx`.execute(db);
  await sql`create index agency_alerts_latest_idx on agency_alerts (agency, up_to_xid desc, up_to_seq desc)`.execute(
    db,
  );
  await sql`alter table agency_alerts drop constraint agency_alerts_position_key`.execute(db);
  // Another organisation's alerts have no place once alerts are per kind again.
  await sql`delete from agency_alerts a using organisations o where o.id = a.organisation_id and not o.fallback`.execute(
    db,
  );
  await sql`alter table agency_alerts add constraint agency_alerts_position_key unique (agency, up_to_xid, up_to_seq)`.execute(
    db,
  );
  await sql`alter table agency_alerts drop column organisation_id`.execute(db);

  await sql`drop index deliveries_waiting_for_file_idx`.execute(db);
  await sql`create index deliveries_waiting_for_file_idx on deliveries (agency, created_at)
    where transport = 'file' and status = 'queued' and file_run_id is null`.execute(db);
  await sql`drop index file_runs_claimed_idx`.execute(db);
  await sql`create index file_runs_claimed_idx on file_runs (agency) where status = 'claimed'`.execute(db);
  await sql`alter table file_runs drop column organisation_id`.execute(db);

  await sql`
    alter table organisation_settings
      drop constraint organisation_settings_primary_check,
      drop constraint organisation_settings_alert_check,
      drop constraint organisation_settings_file_check,
      drop column alert_frequency,
      drop column alert_email,
      drop column file_public_key,
      drop column file_private_key_sealed,
      drop column file_schedule,
      drop column file_format,
      drop column file_host_key,
      drop column file_sftp_url,
      drop column primary_channel
  `.execute(db);
}
