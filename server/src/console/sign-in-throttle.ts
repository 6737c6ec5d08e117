import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { SEND_SIGN_IN_ALERT } from '../jobs/job-names.js';

/**
 * How sign-in slows down. An account is never locked (anyone who knows a name could lock its owner
 * out): after `freeFailures` recent failures, each attempt at it waits longer, doubling from
 * `baseDelayMs` up to `maxDelayMs`, and the right password still gets in. An address, which is the
 * guesser's own, is refused outright after `perAddress` failures. At `alertAfter` failures the
 * account's owner is told by email, at most once a window.
 */
export interface ThrottlePolicy {
  windowMs: number;
  perAddress: number;
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  alertAfter: number;
}

/** A customer centre's staff share one address, so it gets room; a named account gets three free tries. */
export const defaultThrottlePolicy: ThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  perAddress: 30,
  freeFailures: 3,
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
  alertAfter: 10,
};

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
const alertKey = (email: string) => `alerted:${email.trim().toLowerCase()}`;
const since = (policy: ThrottlePolicy) => sql<Date>`now() - make_interval(secs => ${policy.windowMs / 1000})`;

/** How long an attempt waits, given how many failures the account has had within the window. */
export function signInDelayMs(failures: number, policy = defaultThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.freeFailures), policy.maxDelayMs);
}

/** What the throttle says about one attempt: refused (this address), or go ahead after a delay. */
export type ThrottleVerdict = { refused: true } | { refused: false; delayMs: number };

/**
 * Judges an attempt and counts it as a failure before the password is even checked, so attempts
 * made in parallel each see the ones before them and wait longer; a success forgives it
 * ({@link clearAccountFailures}). Unknown accounts are counted just the same, so the throttle
 * reveals nothing about which accounts exist.
 */
export async function beginAttempt(
  db: Kysely<Database>,
  email: string,
  address: string,
  policy = defaultThrottlePolicy,
): Promise<ThrottleVerdict> {
  // Counted and marked under a lock on the account, so attempts in parallel queue up to be counted.
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${accountKey(email)}))`.execute(trx);
    const row = await trx
      .selectFrom('staff_sign_in_failures')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('key', '=', accountKey(email)).as('account'),
        eb.fn.countAll<string>().filterWhere('key', '=', addressKey(address)).as('address'),
      ])
      .where('key', 'in', [accountKey(email), addressKey(address)])
      .where('at', '>', since(policy))
      .executeTakeFirstOrThrow();
    if (Number(row.address) >= policy.perAddress) return { refused: true } as const;
    await trx
      .insertInto('staff_sign_in_failures')
      .values({ key: accountKey(email) })
      .execute();
    return { refused: false, delayMs: signInDelayMs(Number(row.account), policy) } as const;
  });
}

/**
 * The attempt failed: the address is counted too, old failures are forgotten, and once the account
 * has failed `alertAfter` times in the window its owner (if it exists and is enabled) is emailed
 * through the queue, once a window. Returns true when an alert was queued.
 */
export async function recordFailure(
  db: Kysely<Database>,
  email: string,
  address: string,
  policy = defaultThrottlePolicy,
): Promise<boolean> {
  await db
    .insertInto('staff_sign_in_failures')
    .values({ key: addressKey(address) })
    .execute();
  await db.deleteFrom('staff_sign_in_failures').where('at', '<=', since(policy)).execute();
  const { failures } = await db
    .selectFrom('staff_sign_in_failures')
    .select((eb) => eb.fn.countAll<string>().as('failures'))
    .where('key', '=', accountKey(email))
    .executeTakeFirstOrThrow();
  if (Number(failures) < policy.alertAfter) return false;
  // One statement: the alert mark and its job, only if no alert went out this window.
  const queued = await sql<{ id: string }>`
    with account as (
      select id from staff_users where lower(email) = ${email.trim().toLowerCase()} and disabled_at is null
    ), mark as (
      insert into staff_sign_in_failures (key)
      select ${alertKey(email)} from account
      where not exists (select 1 from staff_sign_in_failures where key = ${alertKey(email)})
      returning 1
    )
    insert into outbox (task, payload, job_key)
    select ${SEND_SIGN_IN_ALERT}, json_build_object('staffId', account.id), 'sign-in-alert:' || account.id || ':' || extract(epoch from now())::bigint
    from account, mark
    returning id
  `.execute(db);
  return queued.rows.length > 0;
}

/** A successful sign-in clears the account's failures (not the address's: others may be guessing from it). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('staff_sign_in_failures').where('key', '=', accountKey(email)).execute();
}
