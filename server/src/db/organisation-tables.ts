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
    updated_at: DefaultedTimestamp;
  };
}
