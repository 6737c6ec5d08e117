/** The most lookups answered by one read. */
const MOST_PER_READ = 200;

/**
 * Gathers the lookups made in one turn of the event loop into one read: under load an API process
 * parses many requests per turn, and each of their small reads (a submitter's key, the
 * organisations told) would otherwise be a round trip of its own, one socket write and one
 * backend woken per request on a machine with no core to spare (see the README's "Benchmark").
 * Nothing is cached: every lookup is answered by a read made after it was asked, so a key revoked
 * or an organisation disabled a moment ago is seen at once. `read` answers the lookups in their
 * order; if it fails, every lookup it carried fails with its error.
 */
export function gatheredReads<Q, R>(read: (lookups: readonly Q[]) => Promise<readonly R[]>): (lookup: Q) => Promise<R> {
  let waiting: { lookup: Q; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];

  const run = async (batch: typeof waiting) => {
    try {
      const results = await read(batch.map((item) => item.lookup));
      batch.forEach((item, index) => {
        if (index < results.length) item.resolve(results[index] as R);
        else item.reject(new Error('A gathered read answered fewer lookups than it was given'));
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  const flush = () => {
    const all = waiting;
    waiting = [];
    for (let start = 0; start < all.length; start += MOST_PER_READ) void run(all.slice(start, start + MOST_PER_READ));
  };

  return (lookup) =>
    new Promise<R>((resolve, reject) => {
      // After the turn's I/O callbacks (the requests parsed in it), before the next turn's.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ lookup, resolve, reject });
    });
}

/**
 * {@link gatheredReads} per database handle: `readerOf(db)` is that handle's one reader, so every
 * caller's lookups through it share reads, whichever module they come from.
 */
export function gatheredReadsOf<D extends object, Q, R>(
  read: (db: D, lookups: readonly Q[]) => Promise<readonly R[]>,
): (db: D) => (lookup: Q) => Promise<R> {
  const readers = new WeakMap<D, (lookup: Q) => Promise<R>>();
  return (db) => {
    const known = readers.get(db);
    if (known) return known;
    const reader = gatheredReads((lookups: readonly Q[]) => read(db, lookups));
    readers.set(db, reader);
    return reader;
  };
}
