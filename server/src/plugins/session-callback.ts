import type { Session } from 'fastify';

/** The callback style @fastify/session's stores use (inherited from express-session). */
export type StoreCallback = (error?: unknown) => void;

/** Settles a store callback from a write's promise: one place for both session stores. */
export function settle(work: Promise<unknown>, callback: StoreCallback): void {
  work.then(() => {
    callback();
  }, callback);
}

/** Settles a store `get` callback from a read of a session row's `data` (none reads as null). */
export function settleRead(
  work: Promise<{ data: unknown } | undefined>,
  callback: (error: unknown, session?: Session | null) => void,
): void {
  work.then((row) => {
    callback(null, row ? (row.data as Session) : null);
  }, callback);
}
