import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { DUPLICATE_WINDOW_DAYS, SAME_EVENT_HASH_PREFIX } from './same-event.js';

/**
 * The other reports of the same event as the submission aliased `alias` in the enclosing query
 * (its `id`, `life_event`, `submitted_at`): those whose same-event hash equals its own and that
 * were made within {@link DUPLICATE_WINDOW_DAYS} days before or after it. Worked out when read,
 * so an earlier report learns of a later one as soon as the later one exists, with no list to
 * keep in step; a submission's hashes go when its answers are erased, and its links with them.
 */
function sameEventReports(alias: string): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  // The same-event hash leads (the GIN index on identifier_hashes), then each match's report by
  // its key: the laterals fix that order. Left to itself the planner started from the 90-day
  // window, which it cannot size (its bounds are the outer row's), and so read every report of
  // the last 90 days for each claimed delivery (20 ms a delivery at 5,000 reports, by EXPLAIN
  // ANALYZE; see the README's "Benchmark").
  return sql`
    select other.id, other.reference, other.submitted_at
    from submission_search mine
    cross join lateral (
      select theirs.submission_id from submission_search theirs
      where theirs.identifier_hashes && array(
        select hash from unnest(mine.identifier_hashes) as hash where starts_with(hash, ${SAME_EVENT_HASH_PREFIX}))
    ) same_hash
    cross join lateral (
      select o.id, o.reference, o.submitted_at, o.life_event from submissions o where o.id = same_hash.submission_id offset 0
    ) other
    where mine.submission_id = ${column('id')} and other.id <> ${column('id')}
      and other.life_event = ${column('life_event')}
      and other.submitted_at between ${column('submitted_at')} - make_interval(days => ${DUPLICATE_WINDOW_DAYS})
        and ${column('submitted_at')} + make_interval(days => ${DUPLICATE_WINDOW_DAYS})`;
}

/**
 * A select-list expression: the reference of the earliest other report of the same event (see
 * {@link sameEventReports}), or null. A later report so names the first; the first names the
 * report that came after it.
 */
export function possibleDuplicateOfSql(alias = 's'): RawBuilder<string | null> {
  return sql<
    string | null
  >`(select reference from (${sameEventReports(alias)}) as same order by submitted_at, id limit 1)`;
}

/** Every other report of the same event as this submission, oldest first: what staff see. */
export async function linkedReports(
  db: Kysely<Database>,
  submissionId: string,
): Promise<{ reference: string; submittedAt: string }[]> {
  const rows = await sql<{ reference: string; submitted_at: Date }>`
    select same.reference, same.submitted_at
    from submissions s cross join lateral (${sameEventReports('s')}) as same
    where s.id = ${submissionId}
    order by same.submitted_at, same.id
  `.execute(db);
  return rows.rows.map((row) => ({ reference: row.reference, submittedAt: row.submitted_at.toISOString() }));
}
