import type { AgencyKind } from '@tuo/shared';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { Database } from '../db/database.js';
import type { Config } from '../config.js';
import { createProtectedValues } from '../privacy/protected-values.js';
import type { GateSettings } from './organisation-gates.js';
import { createAttempt } from './attempt-delivery.js';
import type { ClaimedDelivery } from './claim-deliveries.js';
import { organisationWebhooksFrom } from './organisation-adapter.js';
import type { AttemptRecord } from './record-outcomes.js';

/** What the worker's dispatcher sends, to whom, and how many at once. */
export interface DeliveryWork {
  agencies: readonly AgencyKind[];
  attempt: (claimed: ClaimedDelivery) => Promise<AttemptRecord>;
  concurrency: number;
  gates: GateSettings;
}

/** The delivery work of a worker process, from its adapters and configuration. */
export function createDeliveryWork(deps: {
  db: Kysely<Database>;
  adapters: AdapterRegistry;
  config: Pick<Config, 'delivery' | 'protectedDataKeys' | 'sessionSecret'>;
  logger: Pick<Logger, 'error'>;
}): DeliveryWork {
  const { delivery } = deps.config;
  return {
    // Whoever has an adapter can be delivered to.
    agencies: Object.keys(deps.adapters) as AgencyKind[],
    attempt: createAttempt({
      adapters: deps.adapters,
      privacy: createProtectedValues(deps.config.protectedDataKeys),
      policy: delivery,
      logger: deps.logger,
      webhooks: organisationWebhooksFrom(deps.db, deps.config),
    }),
    concurrency: delivery.concurrency,
    // DELIVERY_ORGANISATION_CONCURRENCY: each organisation has its own slots and circuit.
    gates: {
      concurrency: delivery.organisationConcurrency,
      failuresToOpen: delivery.circuitFailures,
      openMs: delivery.circuitOpenMs,
      maxOpenMs: Math.max(delivery.circuitOpenMs, 60_000),
    },
  };
}
