import type { AgencyKind, DeliveryRole, LifeEventId } from '@tuo/shared';
import type { ConfirmationStatus, DeliveryEventStatus, DeliveryStatus, HoldReason } from '@tuo/shared/api/submissions';
import type { FileFormat } from '@tuo/shared/api/organisation-channels';
import type { ActorType } from '@tuo/shared/api/admin-audit';
import type { ErasureKind } from '@tuo/shared/api/erasure-kinds';
import type { DeliveryTransport } from '@tuo/shared/api/staff-submissions';
import type { Channel, Language } from '@tuo/shared/submission/channel';
import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { AccountTables } from './account-tables.js';
import type { DefaultedTimestamp, Timestamp } from './column-types.js';
import type { FiguresTables } from './figures-tables.js';
import type { OrganisationTables } from './organisation-tables.js';
import type { ResidentTables } from './resident-tables.js';
import type {
  AlertStatus,
  FileRunStatus,
  NotificationEventKind,
  NotificationEventStatus,
  Withdrawer,
} from './row-states.js';

/**
 * The one source of truth for table shapes, written to match `migrations/`: the core tables here, the
 * others by area in `db/*-tables.ts`. Each table is added in the same commit as the migration that creates it.
 */
export interface Database extends AccountTables, ResidentTables, FiguresTables, OrganisationTables {
  app_meta: AppMetaTable;
  submissions: SubmissionsTable;
  deliveries: DeliveriesTable;
  delivery_events: DeliveryEventsTable;
  delivery_attempts: DeliveryAttemptsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  worker_leases: WorkerLeasesTable;
  submission_search: SubmissionSearchTable;
  case_notes: CaseNotesTable;
  file_runs: FileRunsTable;
  agency_alerts: AgencyAlertsTable;
  organisations: OrganisationsTable;
  submission_corrections: SubmissionCorrectionsTable;
  notification_events: NotificationEventsTable;
}

/** One resident's report of a life event: the envelope as submitted, and how to let them follow it. */
export interface SubmissionsTable {
  id: Generated<string>;
  reference: string;
  life_event: LifeEventId;
  channel: Channel;
  language: Language;
  schema_version: number;
  envelope: ColumnType<unknown, string, string>;
  tracking_secret_hash: string;
  submitted_at: Timestamp;
  /** The protected-data key the answers and payloads are sealed with; null before sealing (see privacy/). */
  protected_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the personal answers were erased (why: `erasure_kind`), leaving a skeleton. */
  answers_erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  erasure_kind: ColumnType<ErasureKind | null, ErasureKind | null | undefined, ErasureKind | null>;
  erasure_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'not-needed', 'awaiting' (its code), 'confirmed' or 'expired' (see submissions/delivery-hold.ts). */
  confirmation: ColumnType<ConfirmationStatus, ConfirmationStatus | undefined, ConfirmationStatus>;
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** What was checked about the report: a list of shared `VerificationCheck`s. */
  verification_checks: ColumnType<unknown, string | undefined, string>;
  /** When the report was withdrawn, and by whom ('resident' or 'staff'); the reason is kept for staff only. */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: ColumnType<Withdrawer | null, Withdrawer | null | undefined, Withdrawer | null>;
  withdrawal_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One agency to be told about one submission; also the outbox row of the submission's transaction. */
export interface DeliveriesTable {
  id: Generated<string>;
  submission_id: string;
  agency: AgencyKind;
  /** The organisation told (of the delivery's kind, `agency`): one delivery per organisation and submission. */
  organisation_id: string;
  /** 'leaving' or 'joining' when a move tells two organisations of the kind (shared `DeliveryRole`); else null. */
  role: ColumnType<DeliveryRole | null, DeliveryRole | null | undefined, DeliveryRole | null>;
  /** How the delivering worker reached the agency (webhook, inbox or scheduled file); null until it tries. */
  transport: DeliveryTransport | null;
  status: DeliveryStatus;
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
  /** When a notification in the organisation's inbox was first read there (agency API or portal); null until then. */
  opened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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
  held_for: ColumnType<HoldReason | null, HoldReason | null | undefined, HoldReason | null>;
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
  status: DeliveryEventStatus;
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
  actor_type: ActorType;
  actor_id: string | null;
  action: string;
  submission_id: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
  /** The client address a staff action came from; null for residents, agencies and the system. */
  address: string | null;
}

/** A worker process's heartbeat. */
export interface WorkerLeasesTable {
  worker_id: string;
  process_id: string;
  heartbeat_at: ColumnType<Date, Date | string | RawBuilder<Date>, Date | string | RawBuilder<Date>>;
}

/** Small key-value facts about this installation (e.g. when it was first started). */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type { Generated };

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

/** One scheduled file to an agency: its records are claimed first, then it is uploaded, then marked so. */
export interface FileRunsTable {
  id: Generated<string>;
  agency: AgencyKind;
  /** The organisation whose file it is (migration 2026-12-02-2000). */
  organisation_id: string;
  format: FileFormat;
  file_name: string;
  status: FileRunStatus;
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
  agency: AgencyKind;
  /** The organisation whose mailbox it is for (migration 2026-12-02-2000). */
  organisation_id: string;
  notifications: number;
  up_to_xid: string;
  up_to_seq: string;
  status: AlertStatus;
  provider_id: string | null;
  error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** One organisation in the directory: of one kind, with its official code, the areas it serves and how it is found. */
export interface OrganisationsTable {
  id: Generated<string>;
  kind: AgencyKind;
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
  kind: NotificationEventKind;
  correction_id: string | null;
  status: NotificationEventStatus;
  attempts: ColumnType<number, number | undefined, number>;
  /** Sealed like agency payloads; null for a withdrawal and once answers are erased. */
  payload: ColumnType<unknown, string | null | undefined, string | null>;
  last_error: string | null;
  next_attempt_at: Timestamp | null;
  created_at: Timestamp;
  status_changed_at: Timestamp;
  delivered_at: Timestamp | null;
}
