import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** Wrong codes allowed from one address within the window, before it must wait. */
export const codeThrottlePolicy = { windowMs: 60 * 60 * 1000, perAddress: 10 };

const addressKey = (address: string) => `address:${address}`;
const since = () => sql<Date>`now() - make_interval(secs => ${codeThrottlePolicy.windowMs / 1000})`;

/**
 * True when this address has given too many wrong codes lately. With 50-bit codes and ten tries
 * an hour, guessing any live code is hopeless; a resident who mistypes a few times is not locked out.
 */
export async function isCodeThrottled(db: Kysely<Database>, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('saved_journey_code_failures')
    .select((eb) => eb.fn.countAll<string>().as('failures'))
    .where('key', '=', addressKey(address))
    .where('at', '>', since())
    .executeTakeFirstOrThrow();
  return Number(row.failures) >= codeThrottlePolicy.perAddress;
}

/** Counts a wrong code against the address. */
export async function recordCodeFailure(db: Kysely<Database>, address: string): Promise<void> {
  await db
    .insertInto('saved_journey_code_failures')
    .values({ key: addressKey(address) })
    .execute();
}

/** Forgets wrong codes older than the window (the hourly clean-up calls this). */
export async function deleteOldCodeFailures(db: Kysely<Database>): Promise<bigint> {
  const removed = await db.deleteFrom('saved_journey_code_failures').where('at', '<=', since()).executeTakeFirst();
  return removed.numDeletedRows;
}
