import type { TaskList } from 'graphile-worker';

/**
 * Every queue task this service runs, by snake_case name. Tasks re-parse their payload with zod
 * on entry, since a job may have been queued by older code.
 */
export function createTaskList(): TaskList {
  return {};
}
