import type { AgencyKind } from '@tuo/shared';
import type { AgencyRole } from '@tuo/shared/api/agency-portal';
import type { StaffRole } from '@tuo/shared/api/staff-session';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp, Timestamp } from './column-types.js';

/**
 * Who may sign in or call in: staff and portal accounts, their sessions and second factors, and the
 * keys of partner systems.
 */
export interface AccountTables {
  submitter_keys: SubmitterKeysTable;
  agency_api_keys: AgencyApiKeysTable;
  staff_users: StaffUsersTable;
  staff_account_links: StaffAccountLinksTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_sessions: StaffSessionsTable;
  staff_sign_in_failures: StaffSignInFailuresTable;
  agency_webhook_secrets: AgencyWebhookSecretsTable;
  organisation_sign_in: OrganisationSignInTable;
}

/** A trusted submitter's key: a partner system that vouches for the reports it sends at `level`. */
export interface SubmitterKeysTable {
  id: Generated<string>;
  name: string;
  level: VerificationLevel;
  prefix: string;
  key_hash: string;
  created_at: DefaultedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** An agency system's API key: stored hashed, shown once, revocable; several may be live for rotation. */
export interface AgencyApiKeysTable {
  id: Generated<string>;
  agency: AgencyKind;
  /** The organisation whose notifications the key reads. */
  organisation_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_at: DefaultedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A customer-centre staff account; the password is kept only as an argon2id hash. */
export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  /** The name colleagues see it by (1 to 100 characters); null shows the email address instead. */
  display_name: ColumnType<string | null, string | null | undefined, string | null>;
  role: StaffRole | AgencyRole;
  /** Null for an account that signs in only through its organisation's provider. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultedTimestamp;
  disabled_at: Timestamp | null;
  /** The agency of an agency user or admin; null for customer-centre staff. */
  agency: ColumnType<AgencyKind | null, AgencyKind | null | undefined, AgencyKind | null>;
  /** The organisation of an agency user or admin; null for customer-centre staff. */
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The authenticator app's TOTP secret, sealed; null until a second factor is set up. */
  totp_sealed_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last TOTP time step accepted: a code of that step or an earlier one is a replay. */
  totp_last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  totp_enrolled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The OpenID Connect provider (its issuer) and subject this account signs in as; both or neither. */
  oidc_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A one-time link to set an account's password (an invitation or a reset), kept only as a hash. */
export interface StaffAccountLinksTable {
  id: Generated<string>;
  staff_id: string;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A one-time recovery code for a second factor, kept only as a hash; used once, then spent. */
export interface StaffRecoveryCodesTable {
  id: Generated<string>;
  staff_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

/** A staff session: idle expiry in `expires_at`, absolute expiry counted from `signed_in_at`. */
export interface StaffSessionsTable {
  sid: string;
  staff_id: string | null;
  data: ColumnType<unknown, string, string>;
  signed_in_at: Timestamp | null;
  expires_at: Timestamp;
}

/** One failed sign-in, keyed by account or by address, for throttling. */
export interface StaffSignInFailuresTable {
  id: Generated<string>;
  key: string;
  at: DefaultedTimestamp;
}

/** A webhook signing secret set by rotation, sealed (see agency/webhook-secrets.ts); current while `retires_at` is null. */
export interface AgencyWebhookSecretsTable {
  id: Generated<string>;
  agency: AgencyKind;
  organisation_id: string;
  sealed_secret: string;
  created_at: DefaultedTimestamp;
  retires_at: Timestamp | null;
}

/** An organisation's OpenID Connect provider for the agency portal (see agency-portal/organisation-sign-in.ts). */
export interface OrganisationSignInTable {
  organisation_id: string;
  issuer: string;
  client_id: string;
  /** Sealed with console/sealed-secret.ts for the organisation: a copy of the database alone opens nothing. */
  sealed_client_secret: string;
  roles_claim: ColumnType<string, string | undefined, string>;
  /** Claim values to portal roles, `{ "value": "agency-user" }`. */
  role_map: ColumnType<Record<string, string>, string, string>;
  /** Whether the organisation's people may still sign in with a password. */
  passwords: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
}
