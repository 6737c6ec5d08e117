import type { LifeEventId } from '@tuo/shared';
import type { ChaseStatus, TargetKind } from '@tuo/shared/api/chase-requests';
import type { MessageChannel, ResidentMessageKind, ResidentMessageStatus } from '@tuo/shared/api/resident-messages';
import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp, Timestamp } from './column-types.js';

/** What residents leave while they report: sessions, saved forms, messages, codes and chase requests. */
export interface ResidentTables {
  sessions: SessionsTable;
  resident_messages: ResidentMessagesTable;
  saved_journeys: SavedJourneysTable;
  saved_journey_code_failures: SavedJourneyCodeFailuresTable;
  chase_requests: ChaseRequestsTable;
  confirmation_codes: ConfirmationCodesTable;
}

/** A resident's session: their journey answers so far, kept server-side under a signed cookie. */
export interface SessionsTable {
  sid: string;
  data: ColumnType<unknown, string, string>;
  expires_at: Timestamp;
}

/** A message to the resident (confirmation by email or text) and what became of it. */
export interface ResidentMessagesTable {
  id: Generated<string>;
  submission_id: string;
  kind: ResidentMessageKind;
  channel: MessageChannel;
  status: ResidentMessageStatus;
  personalisation: ColumnType<unknown, string | null, string | null> | null;
  provider_id: string | null;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Answers a resident saved to come back to, reached by a one-time link or a short code (hashes only). */
export interface SavedJourneysTable {
  id: Generated<string>;
  life_event: LifeEventId;
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
  target: TargetKind;
  /** 'open', then 'chased' (staff chased the agency) and/or 'resolved'. */
  status: ChaseStatus;
  resident_note: string | null;
  requested_at: Timestamp;
  staff_id: string | null;
  staff_note: string | null;
  handled_at: Timestamp | null;
}

/** A code sent to a reporter to confirm their report: keyed hashes only (see submissions/confirmation-codes.ts). */
export interface ConfirmationCodesTable {
  id: string;
  submission_id: string;
  channel: MessageChannel;
  code_hash: string;
  recipient_hash: string;
  address_hash: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  spent_at: Timestamp | null;
}
