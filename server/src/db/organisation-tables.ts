import type { AlertFrequency, FileFormat, PrimaryChannel } from '@tuo/shared/api/organisation-channels';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import type { DefaultedTimestamp } from './column-types.js';

/** Settings per organisation (migration 2026-12-02-1400; kept by organisations/organisation-settings.ts). */
export interface OrganisationTables {
  /** An admin's settings for one organisation; a null (or no row) is the configured default of its kind. */
  organisation_settings: {
    organisation_id: string;
    /** Working days to acknowledge, and to action, a delivered notification: both or neither. */
    acknowledge_days: number | null;
    action_days: number | null;
    /** The level a report must reach before it is sent to this organisation. */
    verification_minimum: VerificationLevel | null;
    /** Its own webhook (migration 1401), and the secret that signs it, sealed (organisations/organisation-webhook.ts). */
    webhook_url: string | null;
    webhook_secret_sealed: string | null;
    /** How it is told (migration 2000); null: its webhook if it has one, else its inbox (the fallback: the kind's environment). */
    primary_channel: PrimaryChannel | null;
    /** Its scheduled file: all set, or none (organisations/organisation-file-channel.ts). */
    file_sftp_url: string | null;
    file_host_key: string | null;
    file_format: FileFormat | null;
    file_schedule: string | null;
    /** The key pair the portal made to sign in to its SFTP server: the private key sealed, the public one shown. */
    file_private_key_sealed: string | null;
    file_public_key: string | null;
    /** Its team mailbox's email alert: both set, or neither. */
    alert_email: string | null;
    alert_frequency: AlertFrequency | null;
    updated_at: DefaultedTimestamp;
  };
}
