import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { settle, settleRead, type StoreCallback } from './session-callback.js';


/**
 * Keeps @fastify/session's sessions in Postgres, so every API process sees the same session and a
 * restart loses nothing. The interface is callback-based because express-session stores are.
 */
export class PostgresSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    /** How long a session lives when its cookie carries no expiry. */
    private readonly maxAgeMs: number,
  ) {}

  /** Reads a session; an expired one reads as none. */
  get(sid: string, callback: (error: unknown, session?: Session | null) => void): void {
    settleRead(
      this.db
        .selectFrom('sessions')
        .select('data')
        .where('sid', '=', sid)
        .where('expires_at', '>', new Date())
        .executeTakeFirst(),
      callback,
    );
  }

  /** Creates or replaces a session, with its expiry taken from its cookie. */
  set(sid: string, session: Session, callback: StoreCallback): void {
    const expires = session.cookie.expires ?? new Date(Date.now() + this.maxAgeMs);
    const data = JSON.stringify(session);
    settle(
      this.db
        .insertInto('sessions')
        .values({ sid, data, expires_at: expires })
        .onConflict((oc) => oc.column('sid').doUpdateSet({ data, expires_at: expires }))
        .execute(),
      callback,
    );
  }

  /** Forgets a session. */
  destroy(sid: string, callback: StoreCallback): void {
    settle(
      this.db
        .deleteFrom('sessions')
        .where('sid', '=', sid)
        .execute(),
      callback,
    );
  }

  /** Deletes every expired session; returns how many. Residents' answers are personal data, so none outstay their welcome. */
  async deleteExpired(now = new Date()): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
