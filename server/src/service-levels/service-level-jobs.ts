import { z } from 'zod';

/** The graphile-worker cron task that flags notifications past their service-level targets. */
export const FLAG_MISSED_TARGETS = 'flag_missed_targets';
/** The queue task that tells a webhook agency one of its notifications missed a target. */
export const SEND_MISSED_TARGET_EVENT = 'send_missed_target_event';

/** Every 15 minutes: a target is a UK day, so a flag is at most a quarter of an hour late. */
export const serviceLevelCronItems = [
  { task: FLAG_MISSED_TARGETS, match: '*/15 * * * *', identifier: FLAG_MISSED_TARGETS },
];

/** `send_missed_target_event` payload. Re-parsed on entry: the job may have been queued by older code. */
export const missedTargetEventPayloadSchema = z.object({
  deliveryId: z.uuid(),
  target: z.enum(['acknowledge', 'action']),
});
