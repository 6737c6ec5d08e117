import { setTimeout as wait } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { TOTP } from 'otpauth';
import { enrolSecondFactor, newTotpSecret, totpCode } from '../../server/src/console/second-factor.js';
import type { Database } from '../../server/src/db/database.js';
import { testSessionSecret } from './test-config.js';

/** An account's authenticator app, as a test holds it: the shared key, and the recovery codes it was given. */
export interface TestSecondFactor {
  secret: string;
  recoveryCodes: string[];
}

/**
 * Sets up a second factor for an account the way the set-up page does (a right code from a new
 * key), sealed under the tests' session secret. The code used is a step old, so the steps now and
 * next are free for the first sign-ins.
 */
export async function enrolTestSecondFactor(db: Kysely<Database>, accountId: string): Promise<TestSecondFactor> {
  const secret = newTotpSecret();
  const at = Date.now() - 30_000;
  const recoveryCodes = await enrolSecondFactor(db, testSessionSecret, accountId, secret, totpCode(secret, at), at);
  if (!recoveryCodes) throw new Error('could not set up the test second factor');
  return { secret, recoveryCodes };
}

/**
 * A code the server will take now, as a person with the app would give it: the app's code for a
 * time step not yet used (codes are never taken twice), else a recovery code, else the next step's
 * code once it comes.
 */
export async function nextSecondFactorCode(
  db: Kysely<Database>,
  accountId: string,
  factor: TestSecondFactor,
): Promise<string> {
  for (;;) {
    const row = await db
      .selectFrom('staff_users')
      .select('totp_last_step')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const last = Number(row.totp_last_step ?? -1);
    const now = TOTP.counter({ timestamp: Date.now() });
    // The window is one step either side; keep clear of its edges.
    for (const step of [now, now + 1]) if (step > last) return totpCode(factor.secret, step * 30_000 + 15_000);
    const recovery = factor.recoveryCodes.shift();
    if (recovery) return recovery;
    await wait(TOTP.remaining({ timestamp: Date.now() }) + 50);
  }
}
