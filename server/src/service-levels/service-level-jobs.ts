import { z } from 'zod';

/** The graphile-worker cron task that flags notifications past their service-level targets. */
export const FLAG_MISSED_TARGETS = 'flag_missed_targets';
/** The queue task that tells a webhook agency one of its notifications missed a target. */
export const SEND_MISSED_TARGET_EVENT = 'send_missed_target_event';

/** The graphile-worker cron task that keeps the figures' counts per day current (figures-by-day.ts). */
export const REFRESH_FIGURES = 'refresh_figures';

/**
 * Every 15 minutes: a target is a UK day, so a flag is at most a quarter of an hour late. Every
 * minute: the figures' counts per day.
 */
export const serviceLevelCronItems = [
  { task: FLAG_MISSED_TARGETS, match: '*/15 * * * *', identifier: FLAG_MISSED_TARGETS },
  { task: REFRESH_FIGURES, match: '* * * * *', identifier: REFRESH_FIGURES },
];

/** `send_missed_target_event` payload. Re-parsed on entry: the job may have been queued by older code. */
export const missedTargetEventPayloadSchema = z.object({
  deliveryId: z.uuid(),
  target: z.enum(['acknowledge', 'action']),
});
