import { parseCronItem, type CronMatcher } from 'graphile-worker';

// An organisation's file schedule is a cron line an admin typed, read the way graphile-worker reads
// its own crontab (UTC), so what the console accepts is exactly what the worker runs.
const matchers = new Map<string, CronMatcher>();

function matcherOf(schedule: string): CronMatcher {
  let matcher = matchers.get(schedule);
  if (!matcher) {
    matcher = parseCronItem({ task: 'schedule', match: schedule }).match;
    matchers.set(schedule, matcher);
  }
  return matcher;
}

/** Why a cron line cannot be run (in words for the admin who typed it), or undefined when it can. */
export function scheduleProblem(schedule: string): string | undefined {
  try {
    matcherOf(schedule);
    return undefined;
  } catch {
    return 'Enter when the file is made as a cron line of five fields in range, like 0 18 * * 1-5 (18:00 UTC on weekdays)';
  }
}

/** Whether a cron line runs in the minute starting at `at` (UTC). An unreadable one never does. */
export function scheduleMatches(schedule: string, at: Date): boolean {
  if (scheduleProblem(schedule)) return false;
  return matcherOf(schedule)({
    min: at.getUTCMinutes(),
    hour: at.getUTCHours(),
    date: at.getUTCDate(),
    month: at.getUTCMonth() + 1,
    dow: at.getUTCDay(),
  });
}
