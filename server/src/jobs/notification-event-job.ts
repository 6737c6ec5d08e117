import { z } from 'zod';
import type { OutboxJob } from './job-names.js';

/** The queue task that sends one event (withdrawn, corrected) about a delivered notification (one attempt per job). */
export const SEND_NOTIFICATION_EVENT = 'send_notification_event';

/** `send_notification_event` payload. Re-parsed on entry: the job may have been queued by older code. */
export const sendNotificationEventPayloadSchema = z.object({
  eventId: z.uuid(),
  attempt: z.number().int().positive(),
});

/** The job for attempt `attempt` of an event; keyed, so a second relay of the same row is a no-op. */
export function notificationEventJob(eventId: string, attempt: number): OutboxJob {
  return {
    task: SEND_NOTIFICATION_EVENT,
    payload: { eventId, attempt },
    job_key: `notification-event:${eventId}:${attempt}`,
  };
}
