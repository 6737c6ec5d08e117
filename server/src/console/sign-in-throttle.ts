import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** How many failures, within how long, before sign-in is refused for an account or an address. */
export interface ThrottlePolicy {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

/**
 * Five wrong passwords lock an account for a quarter of an hour; an address gets more room,
 * since a customer centre's staff share one. Unknown accounts are counted just the same, so the
 * throttle reveals nothing about which accounts exist.
 */
export const defaultThrottlePolicy: ThrottlePolicy = { windowMs: 15 * 60 * 1000, perAccount: 5, perAddress: 30 };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
const since = (policy: ThrottlePolicy) => sql<Date>`now() - make_interval(secs => ${policy.windowMs / 1000})`;

/** True when this account or this address has failed too often lately. */
export async function isThrottled(
  db: Kysely<Database>,
  email: string,
  address: string,
  policy = defaultThrottlePolicy,
): Promise<boolean> {
  const row = await db
    .selectFrom('staff_sign_in_failures')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('key', '=', accountKey(email)).as('account'),
      eb.fn.countAll<string>().filterWhere('key', '=', addressKey(address)).as('address'),
    ])
    .where('key', 'in', [accountKey(email), addressKey(address)])
    .where('at', '>', since(policy))
    .executeTakeFirstOrThrow();
  return Number(row.account) >= policy.perAccount || Number(row.address) >= policy.perAddress;
}

/** Counts a failure against the account and the address, and forgets failures older than the window. */
export async function recordFailure(
  db: Kysely<Database>,
  email: string,
  address: string,
  policy = defaultThrottlePolicy,
): Promise<void> {
  await db
    .insertInto('staff_sign_in_failures')
    .values([{ key: accountKey(email) }, { key: addressKey(address) }])
    .execute();
  await db.deleteFrom('staff_sign_in_failures').where('at', '<=', since(policy)).execute();
}

/** A successful sign-in clears the account's failures (not the address's: others may be guessing from it). */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('staff_sign_in_failures').where('key', '=', accountKey(email)).execute();
}
