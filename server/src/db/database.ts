import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { FiguresTables } from './figures-tables.js';

/**
 * The one source of truth for table shapes, written to match `migrations/`.
 * Each table is added here in the same commit as the migration that creates it.
 */
export interface Database extends FiguresTables {
  app_meta: AppMetaTable;
  submissions: SubmissionsTable;
  deliveries: DeliveriesTable;
  delivery_events: DeliveryEventsTable;
  delivery_attempts: DeliveryAttemptsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  resident_messages: ResidentMessagesTable;
  worker_leases: WorkerLeasesTable;
  sessions: SessionsTable;
  agency_api_keys: AgencyApiKeysTable;
  submitter_keys: SubmitterKeysTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_sign_in_failures: StaffSignInFailuresTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_account_links: StaffAccountLinksTable;
  submission_search: SubmissionSearchTable;
  case_notes: CaseNotesTable;
  agency_webhook_secrets: AgencyWebhookSecretsTable;
  saved_journeys: SavedJourneysTable;
  saved_journey_code_failures: SavedJourneyCodeFailuresTable;
  chase_requests: ChaseRequestsTable;
  file_runs: FileRunsTable;
  agency_alerts: AgencyAlertsTable;
  confirmation_codes: ConfirmationCodesTable;
  organisations: OrganisationsTable;
  submission_corrections: SubmissionCorrectionsTable;
  notification_events: NotificationEventsTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One resident's report of a life event: the envelope as submitted, and how to let them follow it. */
export interface SubmissionsTable {
  id: Generated<string>;
  reference: string;
  life_event: string;
  channel: string;
  language: string;
  schema_version: number;
  envelope: ColumnType<unknown, string, string>;
  tracking_secret_hash: string;
  submitted_at: Timestamp;
  /** The protected-data key the answers and payloads are sealed with; null before sealing (see privacy/). */
  protected_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the personal answers were erased ('retention' or 'request'), leaving a skeleton. */
  answers_erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  erasure_kind: ColumnType<string | null, string | null | undefined, string | null>;
  erasure_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'not-needed', 'awaiting' (its code), 'confirmed' or 'expired' (see submissions/delivery-hold.ts). */
  confirmation: ColumnType<string, string | undefined, string>;
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** What was checked about the report: a list of shared `VerificationCheck`s. */
  verification_checks: ColumnType<unknown, string | undefined, string>;
  /** When the report was withdrawn, and by whom ('resident' or 'staff'); the reason is kept for staff only. */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawal_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One agency to be told about one submission; also the outbox row of the submission's transaction. */
export interface DeliveriesTable {
  id: Generated<string>;
  submission_id: string;
  agency: string;
  /** The organisation told (of the delivery's kind, `agency`). */
  organisation_id: string;
  /** How the delivering worker reached the agency ('webhook' or 'inbox'); null until it tries. */
  transport: string | null;
  status: string;
  status_changed_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  payload: ColumnType<unknown, string | null, string | null> | null;
  created_at: Timestamp;
  /** Set when the notification enters the agency's inbox: the writing transaction's id and an order within it. */
  inbox_xid: string | null;
  inbox_seq: string | null;
  delivered_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  actioned_at: Timestamp | null;
  /** What the agency did, in its own words, when it marked the notification actioned. */
  outcome: string | null;
  /** The agency's own case reference (from its webhook's answer, or given when acknowledging or actioning). */
  agency_reference: ColumnType<string | null, string | null | undefined, string | null>;
  /** The scheduled file run this notification was claimed into (file channel only). */
  file_run_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the service-level check found it had missed its target to be acknowledged / actioned. */
  acknowledge_flagged_at: Generated<Date | null>;
  action_flagged_at: Generated<Date | null>;
  /** While status is 'held': 'confirmation' (the reporter's code) or 'check' (a staff check, below the agency's minimum). */
  held_for: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a supervisor decided not to send it after a check (it is then `cancelled`), and why (for staff only). */
  check_rejected_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  check_rejection_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the next attempt may be claimed (null: nothing waiting); while sending, when an orphaned claim may be taken over. */
  due_at: Timestamp | null;
  /** The dispatcher (a worker_leases id) sending the current attempt. */
  claimed_by: string | null;
  /** The current claim's token: only its holder records the attempt's outcome. */
  claim: string | null;
}

/** Every change of a delivery's status, with when. */
export interface DeliveryEventsTable {
  id: Generated<string>;
  delivery_id: string;
  status: string;
  at: Timestamp;
  detail: string | null;
}

/** Every attempt to hand a delivery over: when, how long, and what came back. */
export interface DeliveryAttemptsTable {
  id: Generated<string>;
  delivery_id: string;
  attempt: number;
  started_at: Timestamp;
  duration_ms: number;
  outcome: string;
  status_code: number | null;
  error: string | null;
}

/** Jobs written inside a business transaction, moved into the queue by the relay. */
export interface OutboxTable {
  id: Generated<string>;
  task: string;
  payload: ColumnType<unknown, string, string>;
  job_key: string;
  created_at: DefaultedTimestamp;
}

/** The first response to each Idempotency-Key, replayed for repeats. */
export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  /** The first response, sealed under the client's key (see submissions/idempotency-record.ts). */
  response: string | null;
  created_at: DefaultedTimestamp;
  expires_at: DefaultedTimestamp;
}

/** Who did what to which submission, and when. Never personal data in `detail`. */
export interface AuditEventsTable {
  id: Generated<string>;
  at: DefaultedTimestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  submission_id: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
  /** The client address a staff action came from; null for residents, agencies and the system. */
  address: string | null;
}

/** A message to the resident (confirmation by email or text) and what became of it. */
export interface ResidentMessagesTable {
  id: Generated<string>;
  submission_id: string;
  kind: string;
  channel: string;
  status: string;
  personalisation: ColumnType<unknown, string | null, string | null> | null;
  provider_id: string | null;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A worker process's heartbeat. */
export interface WorkerLeasesTable {
  worker_id: string;
  process_id: string;
  heartbeat_at: ColumnType<Date, Date | string | RawBuilder<Date>, Date | string | RawBuilder<Date>>;
}

/** A resident's session: their journey answers so far, kept server-side under a signed cookie. */
export interface SessionsTable {
  sid: string;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

/** Small key-value facts about this installation (e.g. when it was first started). */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type { Generated };

/** An agency system's API key: stored hashed, shown once, revocable; several may be live for rotation. */
/** A trusted submitter's key: a partner system that vouches for the reports it sends at `level`. */
export interface SubmitterKeysTable {
  id: Generated<string>;
  name: string;
  /** 'low', 'medium' or 'high'. */
  level: string;
  prefix: string;
  key_hash: string;
  created_at: DefaultedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AgencyApiKeysTable {
  id: Generated<string>;
  agency: string;
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
  role: string;
  /** Null for an account that signs in only through its organisation's provider. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultedTimestamp;
  disabled_at: Timestamp | null;
  /** The agency of an agency user or admin; null for customer-centre staff. */
  agency: ColumnType<string | null, string | null | undefined, string | null>;
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

/** Normalised search terms of one submission (upper-case reference and postcodes, lower-case names). */
export interface SubmissionSearchTable {
  submission_id: string;
  reference: string;
  names: string;
  postcodes: string;
  /** Keyed hashes of NHS numbers, NI numbers and dates of birth (see privacy/protected-values.ts). */
  identifier_hashes: ColumnType<string[], string[] | undefined, string[]>;
}

/** A note a staff member wrote about a submission. */
export interface CaseNotesTable {
  id: Generated<string>;
  submission_id: string;
  staff_id: string;
  body: string;
  created_at: DefaultedTimestamp;
}

/** A webhook signing secret set by rotation, sealed (see agency/webhook-secrets.ts); current while `retires_at` is null. */
export interface AgencyWebhookSecretsTable {
  id: Generated<string>;
  agency: string;
  organisation_id: string;
  sealed_secret: string;
  created_at: DefaultedTimestamp;
  retires_at: Timestamp | null;
}

/** Answers a resident saved to come back to, reached by a one-time link or a short code (hashes only). */
export interface SavedJourneysTable {
  id: Generated<string>;
  life_event: string;
  page_id: string;
  /** Written and read only through saved-answers.ts, so sealing them at rest is a change in one place. */
  answers: ColumnType<unknown, string | null, string | null> | null;
  token_hash: string | null;
  code_hash: string | null;
  send_channel: string | null;
  send_to: string | null;
  send_status: string | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** The reference of the report sent from this form since it was saved: the form is then spent. */
  submitted_reference: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One wrong saved-form code, keyed by client address, for throttling. */
export interface SavedJourneyCodeFailuresTable {
  id: Generated<string>;
  key: string;
  at: DefaultedTimestamp;
}

/** A resident's request to chase a notification that missed its target, and what staff did about it. */
export interface ChaseRequestsTable {
  id: Generated<string>;
  delivery_id: string;
  submission_id: string;
  /** Which target had been missed when the resident asked: 'acknowledge' or 'action'. */
  target: string;
  /** 'open', then 'chased' (staff chased the agency) and/or 'resolved'. */
  status: string;
  resident_note: string | null;
  requested_at: Timestamp;
  staff_id: string | null;
  staff_note: string | null;
  handled_at: Timestamp | null;
}

/** One scheduled file to an agency: its records are claimed first, then it is uploaded, then marked so. */
export interface FileRunsTable {
  id: Generated<string>;
  agency: string;
  format: 'csv' | 'xml';
  file_name: string;
  status: 'claimed' | 'uploaded';
  record_count: number;
  sha256: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  uploaded_at: Timestamp | null;
}

/** An email alert to an agency's team mailbox: a count of new notifications up to a position in its inbox. */
export interface AgencyAlertsTable {
  id: Generated<string>;
  agency: string;
  notifications: number;
  up_to_xid: string;
  up_to_seq: string;
  status: 'queued' | 'sent' | 'recorded' | 'failed';
  provider_id: string | null;
  error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A code sent to a reporter to confirm their report: keyed hashes only (see submissions/confirmation-codes.ts). */
export interface ConfirmationCodesTable {
  id: string;
  submission_id: string;
  channel: string;
  code_hash: string;
  recipient_hash: string;
  address_hash: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  spent_at: Timestamp | null;
}

/** One organisation in the directory: of one kind, with its official code, the areas it serves and how it is found. */
export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  name: string;
  /** GSS code (council), NHS ODS code (GP practice) or Regulator of Social Housing number (housing association). */
  code: string | null;
  /** GSS codes of the council areas it serves, or postcode districts. */
  areas: ColumnType<string[], string[] | undefined, string[]>;
  postcode: string | null;
  /** OS Places' LOCAL_CUSTODIAN_CODE of a council. */
  custodian_code: string | null;
  /** The kind's fallback: told when no more particular organisation of the kind is chosen. */
  fallback: Generated<boolean>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  disabled_at: Date | null;
}

/** One correction a supervisor made to a report's answers after sending: which fields changed. */
export interface SubmissionCorrectionsTable {
  id: Generated<string>;
  submission_id: string;
  staff_id: string | null;
  corrected_at: Timestamp;
  fields: string[];
}

/**
 * An event about a notification already delivered by webhook (`withdrawn`, or `corrected` with
 * the agency's changed routed fields), sent and retried like a delivery, one attempt per job.
 */
export interface NotificationEventsTable {
  id: string;
  delivery_id: string;
  /** 'withdrawn' or 'corrected'. */
  kind: string;
  correction_id: string | null;
  /** 'queued', 'sending', 'delivered', 'failed' or 'cancelled' (the notification itself never went). */
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** Sealed like agency payloads; null for a withdrawal and once answers are erased. */
  payload: ColumnType<unknown, string | null | undefined, string | null>;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  created_at: Timestamp;
  status_changed_at: Timestamp;
  delivered_at: Timestamp | null;
}
