import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { SubmissionRows } from './submission-rows.js';
import { writeSubmissions } from './write-submissions.js';

/** Writes a submission's rows; resolves only once they are committed. */
export interface SubmissionWriter {
  /**
   * True once the rows are committed; false if the idempotency key was already taken (nothing
   * written). Rejects with this submission's own error, never another's.
   */
  write: (rows: SubmissionRows) => Promise<boolean>;
  /** Writes what is waiting and waits for every write in flight. */
  close: () => Promise<void>;
}

/** How a process gathers submissions into one statement and commit. */
export interface BatchSettings {
  /** The most submissions in one statement. */
  size: number;
  /** The longest the first submission of a batch waits for others to join it. */
  waitMs: number;
  /** Statements in flight at once; while all are busy, the next batch keeps gathering. */
  inFlight: number;
}

interface Waiting {
  rows: SubmissionRows;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for submissions: concurrent requests' rows are gathered for at most `waitMs` (or
 * `size` of them) and written in one statement (write-submissions.ts), each request answered after
 * the commit. If the statement fails, one submission's fault must not fail the others: the batch
 * is split in two and each half tried again, down to the one at fault, which gets its own error.
 * Splitting costs nothing while nothing fails; a savepoint per submission would cost two round
 * trips per submission on every batch (see the README's "Benchmark"). Two requests with the same
 * idempotency key never share a statement: the second waits for the next, and finds the key taken.
 */
export function createSubmissionBatcher(db: Kysely<Database>, settings: BatchSettings): SubmissionWriter {
  const pending: Waiting[] = [];
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;

  const writeOrSplit = async (batch: Waiting[]): Promise<void> => {
    try {
      const written = await writeSubmissions(
        db,
        batch.map((item) => item.rows),
      );
      for (const item of batch) item.resolve(written.has(item.rows.submission.id));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await writeOrSplit(batch.slice(0, half));
      await writeOrSplit(batch.slice(half));
    }
  };

  /** The next batch: up to `size` waiting submissions, no two with the same idempotency key. */
  const take = (): Waiting[] => {
    const batch: Waiting[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < pending.length && batch.length < settings.size;) {
      const key = pending[i]?.rows.claim?.key;
      if (key !== undefined && keys.has(key)) {
        i += 1;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(...pending.splice(i, 1));
    }
    return batch;
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    while (running.size < settings.inFlight && pending.length > 0) {
      const done: Promise<void> = writeOrSplit(take()).finally(() => {
        running.delete(done);
        // Those that gathered meanwhile have waited long enough.
        if (pending.length > 0) flush();
      });
      running.add(done);
    }
  };

  return {
    write: (rows) =>
      new Promise<boolean>((resolve, reject) => {
        pending.push({ rows, resolve, reject });
        if (pending.length >= settings.size) flush();
        else timer ??= setTimeout(flush, settings.waitMs);
      }),
    close: async () => {
      flush();
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
