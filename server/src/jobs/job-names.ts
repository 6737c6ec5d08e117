import { z } from 'zod';

/** The queue task that delivers one submission to one agency (one attempt per job). */
export const DELIVER_TO_AGENCY = 'deliver_to_agency';
/** The queue task that sends one message (a confirmation) to a resident. */
export const SEND_RESIDENT_MESSAGE = 'send_resident_message';

/** The hourly clean-up of expired records (a graphile-worker cron task). */
export const REMOVE_EXPIRED_RECORDS = 'remove_expired_records';

/** The hourly erasure of personal answers past their retention time (a graphile-worker cron task). */
export const ERASE_EXPIRED_ANSWERS = 'erase_expired_answers';

/** Re-sealing of protected identifiers under the current key, every ten minutes (a graphile-worker cron task). */
export const RESEAL_PROTECTED_DATA = 'reseal_protected_data';

/** The hourly expiry of online reports never confirmed by code (a graphile-worker cron task). */
export const EXPIRE_UNCONFIRMED = 'expire_unconfirmed';

/** Scheduled tasks, as graphile-worker cron items. */
export const cronItems = [
  { task: REMOVE_EXPIRED_RECORDS, match: '17 * * * *', identifier: REMOVE_EXPIRED_RECORDS },
  { task: ERASE_EXPIRED_ANSWERS, match: '41 * * * *', identifier: ERASE_EXPIRED_ANSWERS },
  { task: RESEAL_PROTECTED_DATA, match: '*/10 * * * *', identifier: RESEAL_PROTECTED_DATA },
  { task: EXPIRE_UNCONFIRMED, match: '29 * * * *', identifier: EXPIRE_UNCONFIRMED },
];

/** `deliver_to_agency` payload. Re-parsed on entry: the job may have been queued by older code. */
export const deliverToAgencyPayloadSchema = z.object({ deliveryId: z.uuid(), attempt: z.number().int().positive() });
const residentMessageRef = z.object({ messageId: z.uuid() });
/**
 * `send_resident_message` payload: one message, or many in a graphile-worker batch job (an array
 * payload), as the outbox relay gathers the messages of one relay batch ({@link batchedTasks}).
 */
export const sendResidentMessagePayloadSchema = z.union([residentMessageRef, z.array(residentMessageRef).min(1)]);

/** A job as written to the outbox; its key makes a second relay of the same row a no-op. */
export interface OutboxJob {
  task: string;
  payload: Record<string, unknown>;
  job_key: string;
}

/** The job for attempt `attempt` of a delivery. Jobs carry ids only, never personal data. */
export function deliveryJob(deliveryId: string, attempt: number): OutboxJob {
  return { task: DELIVER_TO_AGENCY, payload: { deliveryId, attempt }, job_key: `delivery:${deliveryId}:${attempt}` };
}

/**
 * Tasks whose outbox rows the relay gathers into one graphile-worker batch job per relay batch
 * (the rows' payloads as an array): one job, and a few statements, for a hundred receipts rather
 * than a hundred of each. Their task takes an array payload and answers for each item.
 */
export const batchedTasks: readonly string[] = [SEND_RESIDENT_MESSAGE];

/** The job that sends a resident message. */
export function residentMessageJob(messageId: string): OutboxJob {
  return { task: SEND_RESIDENT_MESSAGE, payload: { messageId }, job_key: `message:${messageId}` };
}

/** The queue task that sends a resident the link back to a form they saved. */
export const SEND_SAVED_FORM_LINK = 'send_saved_form_link';
/** `send_saved_form_link` payload: the saved form's id only; the address waits in its row. */
export const sendSavedFormLinkPayloadSchema = z.object({ savedJourneyId: z.uuid() });

/** The queue task that tells an account's owner their account is being guessed at. */
export const SEND_SIGN_IN_ALERT = 'send_sign_in_alert';
/** `send_sign_in_alert` payload: the account's id only; its address is read when sending. */
export const sendSignInAlertPayloadSchema = z.object({ staffId: z.uuid() });
