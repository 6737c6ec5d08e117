import type { AgencyKind } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { OrganisationGates, type GateSettings } from './organisation-gates.js';
import { claimDeliveries, type ClaimedDelivery, type ClaimLimits } from './claim-deliveries.js';
import { startOutcomeRecorder } from './outcome-recorder.js';
import type { AttemptRecord } from './record-outcomes.js';

/** The worker's delivery loop. */
export interface DeliveryDispatcher {
  /** Something may have become due (the relay moved new deliveries): claim now rather than at the next poll. */
  wake: () => void;
  /** Stops claiming, and waits for the attempts in flight to be sent and recorded. */
  stop: () => Promise<void>;
}

/** After an attempt finishes while more are waiting, claim again this soon (so claims gather several). */
const REFILL_DELAY_MS = 2;

/**
 * Delivers in batches: claims many due attempts in one statement (as many as each organisation has
 * room for), sends them concurrently (fetch keeps connections to each receiver alive), and records
 * their outcomes many per statement as they finish. Each organisation has its own concurrency
 * limit and circuit breaker (see organisation-gates.ts), so a GP practice that times out only ever holds
 * its own slots and never delays another practice, or any other organisation. Several dispatchers, in one or many processes, can run against one
 * database: claims skip each other's rows.
 */
export function startDeliveryDispatcher(options: {
  db: Kysely<Database>;
  logger: Logger;
  /** This dispatcher's id, heartbeated in worker_leases, so its claims are taken over if it dies. */
  dispatcherId: string;
  leaseSeconds: number;
  agencies: readonly AgencyKind[];
  /** Attempts in flight (claimed, not yet recorded) at once. */
  concurrency: number;
  gates: GateSettings;
  pollIntervalMs: number;
  attempt: (claimed: ClaimedDelivery) => Promise<AttemptRecord>;
}): DeliveryDispatcher {
  const { db, logger, agencies } = options;
  const gates = new OrganisationGates(options.gates);
  const recorder = startOutcomeRecorder({ db, logger });
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  let stopped = false;
  let claiming: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let backlog = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      claim();
    }, ms);
  };

  /** What to claim now: as much as this dispatcher has room for, each organisation no more than its gate allows. */
  const limitsNow = (): ClaimLimits => ({
    kinds: agencies,
    room: options.concurrency - inFlight,
    perOrganisation: options.gates.concurrency,
    constrained: gates.constrained(Date.now()),
  });

  const send = (claimed: ClaimedDelivery) => {
    inFlight += 1;
    gates.take(claimed.organisation_id);
    const done = (async () => {
      let record: AttemptRecord;
      try {
        record = await options.attempt(claimed);
      } finally {
        // Nothing thrown comes from the agency: attempt() turns its answers into outcomes.
        inFlight -= 1;
      }
      gates.settle(claimed.organisation_id, record.outcome.kind !== 'retry', Date.now());
      const recorded = await recorder.record(record);
      if (!recorded)
        logger.info(
          `delivery ${claimed.id} attempt ${String(claimed.attempt)} was taken over; its outcome is not kept`,
        );
    })()
      .catch((error: unknown) => {
        gates.settle(claimed.organisation_id, true, Date.now());
        logger.error(
          { err: error },
          `delivery ${claimed.id}: the attempt could not be completed; it will be taken over`,
        );
      })
      .finally(() => {
        running.delete(done);
        if (backlog) schedule(REFILL_DELAY_MS);
      });
    running.add(done);
  };

  const claim = () => {
    if (stopped || claiming) return;
    const limits = limitsNow();
    if (limits.room <= 0) {
      // No room: a finishing attempt schedules the next claim; an open circuit is looked at again at the next poll.
      schedule(options.pollIntervalMs);
      return;
    }
    claiming = (async () => {
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = await claimDeliveries(db, {
          dispatcherId: options.dispatcherId,
          leaseSeconds: options.leaseSeconds,
          limits,
        });
      } catch (error) {
        logger.warn({ err: error }, 'claiming deliveries failed; will try again');
      }
      // A claim that filled its room probably left more waiting.
      backlog = claimed.length >= limits.room;
      for (const row of claimed) send(row);
    })().finally(() => {
      claiming = undefined;
      schedule(backlog ? REFILL_DELAY_MS : options.pollIntervalMs);
    });
  };

  claim();
  return {
    wake: () => {
      schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await claiming;
      await Promise.all([...running]);
      await recorder.stop();
    },
  };
}
