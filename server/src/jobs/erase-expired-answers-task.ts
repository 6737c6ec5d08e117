import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { eraseAnswers } from '../privacy/answers-erasure.js';

const BATCH = 200;
// A cron run stops after this long and the next run carries on, so one run never holds a worker for long.
const BUDGET_MS = 30_000;

/**
 * The submissions whose answers are due for erasure: every delivery settled (acknowledged or
 * actioned by the agency, accepted by its webhook, or failed and left so) and nothing about the
 * submission changed for `days`. A notification still waiting in an agency's inbox is not settled:
 * the agency has not had it yet. Locked, skipping rows another run holds, oldest first.
 */
function dueForErasure(days: number) {
  return sql`
    select s.id from submissions s
    where s.answers_erased_at is null and s.submitted_at < now() - make_interval(days => ${days})
      and not exists (
        select 1 from deliveries d where d.submission_id = s.id
          and (d.status_changed_at >= now() - make_interval(days => ${days})
            or not (d.status in ('acknowledged', 'actioned', 'failed', 'cancelled') or (d.status = 'delivered' and d.transport = 'webhook')))
      )
    order by s.submitted_at
    limit ${BATCH}
    for update of s skip locked`;
}

/** Erases every submission due, a batch at a time; returns how many. Safe to run on several workers at once. */
export async function eraseExpiredAnswers(
  db: Kysely<Database>,
  retentionDays: number,
  budgetMs = BUDGET_MS,
): Promise<number> {
  const deadline = Date.now() + budgetMs;
  let total = 0;
  for (;;) {
    const erased = await eraseAnswers(db, dueForErasure(retentionDays), {
      kind: 'retention',
      actor: { type: 'system' },
      retentionDays,
    });
    total += erased.length;
    if (erased.length < BATCH || Date.now() > deadline) return total;
  }
}

/**
 * Hourly (graphile-worker cron): erases personal answers `retentionDays` after every agency has a
 * submission, keeping its non-personal skeleton. Each erasure is audited as a system event.
 */
export function createEraseExpiredAnswersTask(deps: { db: Kysely<Database>; retentionDays: number }): Task {
  return async (_payload, helpers) => {
    const erased = await eraseExpiredAnswers(deps.db, deps.retentionDays);
    helpers.logger.info(
      `erased the personal answers of ${String(erased)} submissions past retention (${String(deps.retentionDays)} days)`,
    );
  };
}
