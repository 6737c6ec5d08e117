import { sql, type Kysely } from 'kysely';
import type { AdapterRegistry } from '../../server/src/adapters/adapter-registry.js';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import { organisationSigningSecrets } from '../../server/src/agency/webhook-secrets.js';
import { createAttempt } from '../../server/src/deliveries/attempt-delivery.js';
import { claimDeliveries, markDueSql } from '../../server/src/deliveries/claim-deliveries.js';
import { recordOutcomes } from '../../server/src/deliveries/record-outcomes.js';
import { testProtectedValues } from './test-config.js';

/**
 * Makes one attempt at one delivery now, through the dispatcher's own claim, attempt and record
 * steps (no worker running): the attempt is made due as the outbox relay would, then claimed,
 * sent with `adapters` and recorded. Returns whether anything was claimed.
 */
export async function deliverNow(
  db: Kysely<Database>,
  due: { deliveryId: string; attempt: number },
  adapters: AdapterRegistry,
  config: Pick<Config, 'delivery' | 'sessionSecret'>,
): Promise<boolean> {
  await markDueSql(sql`(select ${due.deliveryId}::uuid as id, ${due.attempt}::int as attempt)`).execute(db);
  const { agency } = await db
    .selectFrom('deliveries')
    .select('agency')
    .where('id', '=', due.deliveryId)
    .executeTakeFirstOrThrow();
  const claimed = await claimDeliveries(db, {
    dispatcherId: 'test-deliver-now',
    leaseSeconds: 30,
    limits: { kinds: [agency], room: 1, perOrganisation: 1, constrained: new Map() },
  });
  const mine = claimed.find((c) => c.id === due.deliveryId);
  if (claimed.length > 0 && !mine) throw new Error('deliverNow claimed another delivery: is a worker running?');
  if (!mine) return false;
  const attempt = createAttempt({
    adapters,
    privacy: testProtectedValues(),
    policy: config.delivery,
    logger: { error: () => undefined },
    webhooks: {
      sealingSecret: config.sessionSecret,
      timeoutMs: config.delivery.timeoutMs,
      signingSecrets: organisationSigningSecrets(db, config.sessionSecret),
    },
  });
  await recordOutcomes(db, [await attempt(mine)]);
  return true;
}
