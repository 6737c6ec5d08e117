import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { eraseAnswers } from '../privacy/answers-erasure.js';

/** How long an online report waits for its reporter's code before it is dropped. */
export const unconfirmedLifetimeHours = 24;
const BATCH = 200;

/**
 * Expires online reports whose code was never entered within 24 hours: the report is marked
 * expired and its held deliveries too (nothing was sent), then its answers are erased like any
 * other (the skeleton stays, audited). Two statements, each safe to repeat: a run that stops
 * between them leaves expired reports that the next run erases. Returns how many were erased.
 */
export async function expireUnconfirmed(db: Kysely<Database>): Promise<number> {
  await sql`
    with s as (
      update submissions set confirmation = 'expired'
      where id in (
        select id from submissions
        where confirmation = 'awaiting' and submitted_at < now() - make_interval(hours => ${unconfirmedLifetimeHours})
        order by submitted_at limit ${BATCH} for update skip locked
      )
      returning id
    ),
    d as (
      update deliveries set status = 'expired', held_for = null, status_changed_at = now()
      from s where deliveries.submission_id = s.id and deliveries.status = 'held'
      returning deliveries.id
    ),
    e as (insert into delivery_events (delivery_id, status, at, detail) select id, 'expired', now(), 'Not sent: the report was not confirmed within 24 hours' from d),
    m as (update resident_messages set status = 'expired', personalisation = null, updated_at = now() from s where resident_messages.submission_id = s.id and resident_messages.status = 'held')
    select count(*) from s
  `.execute(db);
  const erased = await eraseAnswers(
    db,
    sql`select id from submissions where confirmation = 'expired' and answers_erased_at is null order by submitted_at limit ${BATCH} for update skip locked`,
    { kind: 'unconfirmed', actor: { type: 'system' } },
  );
  return erased.length;
}

/** Hourly (graphile-worker cron): see {@link expireUnconfirmed}. */
export function createExpireUnconfirmedTask(deps: { db: Kysely<Database> }): Task {
  return async (_payload, helpers) => {
    const erased = await expireUnconfirmed(deps.db);
    helpers.logger.info(`expired and erased ${String(erased)} unconfirmed reports`);
  };
}
