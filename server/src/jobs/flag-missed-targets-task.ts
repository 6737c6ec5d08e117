import type { Task } from 'graphile-worker';
import { flagMissedTargets, type FlagDeps } from '../service-levels/flag-missed-targets.js';

/**
 * Every 15 minutes (graphile-worker cron): flags notifications that missed a target. graphile-worker
 * runs each cron slot once across workers, and the flag itself is a guarded update, so an extra run
 * (a backfill, or a manual job) flags nothing twice.
 */
export function createFlagMissedTargetsTask(deps: FlagDeps): Task {
  return async (_payload, helpers) => {
    const flagged = await flagMissedTargets(deps);
    if (flagged.acknowledge.length + flagged.action.length > 0) {
      helpers.logger.info(
        `flagged ${String(flagged.acknowledge.length)} notifications past their target to acknowledge, ${String(flagged.action.length)} past their target to action`,
      );
    }
  };
}
