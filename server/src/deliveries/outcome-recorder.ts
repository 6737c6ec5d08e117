import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { recordOutcomes, type AttemptRecord } from './record-outcomes.js';

const MOST_PER_STATEMENT = 500;
const RETRY_MS = 1000;

/**
 * Group commit for attempt outcomes: while one batch is being written, the outcomes that finish
 * gather, and go in the next statement together. `record` resolves once its outcome is committed
 * (true) or was refused because its claim had been taken over (false). If the database cannot be
 * reached the batch is tried again; once stopping, it is given up: its claims lapse and the
 * attempts are made again, with the same webhook-ids, by whichever worker takes them over.
 */
export function startOutcomeRecorder(options: { db: Kysely<Database>; logger: Logger }) {
  const pending: { record: AttemptRecord; resolve: (recorded: boolean) => void }[] = [];
  let writing: Promise<void> | undefined;
  let stopping = false;

  const write = async () => {
    const batch = pending.splice(0, MOST_PER_STATEMENT);
    for (;;) {
      try {
        const recorded = await recordOutcomes(
          options.db,
          batch.map((item) => item.record),
        );
        for (const item of batch) item.resolve(recorded.has(item.record.deliveryId));
        // Counts only: a delivery's log line never says who it was about.
        const count = (status: string) => batch.filter((item) => item.record.decision.status === status).length;
        options.logger.info(
          {
            delivered: count('delivered'),
            retrying: count('queued'),
            failed: count('failed'),
            takenOver: batch.length - recorded.size,
          },
          'delivery outcomes recorded',
        );
        return;
      } catch (error) {
        options.logger.warn({ err: error, outcomes: batch.length }, 'recording delivery outcomes failed');
        if (stopping) {
          for (const item of batch) item.resolve(false);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  };

  const kick = () => {
    if (writing || pending.length === 0) return;
    writing = write().finally(() => {
      writing = undefined;
      kick();
    });
  };

  return {
    record: (record: AttemptRecord) =>
      new Promise<boolean>((resolve) => {
        pending.push({ record, resolve });
        kick();
      }),
    stop: async () => {
      stopping = true;
      while (writing) await writing;
    },
  };
}
