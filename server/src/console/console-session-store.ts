import type { Session } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { settle, settleRead, type StoreCallback } from '../plugins/session-callback.js';

/** How long a signed-in staff session may last, however active: a working day and a bit. */
export const staffAbsoluteTimeoutMs = 10 * 60 * 60 * 1000;

/**
 * Keeps @fastify/session's staff sessions in `staff_sessions`. The idle timeout is the row's
 * `expires_at` (the cookie's expiry, pushed on by every request); the absolute timeout is counted
 * from `signed_in_at`, which a request can never push on. Both are enforced here, on every read,
 * so they hold across API processes whatever a client does with its cookie.
 */
export class StaffSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly idleMs: number,
    private readonly absoluteMs: number = staffAbsoluteTimeoutMs,
  ) {}

  /** Reads a live session; an idle or too old one reads as none. */
  get(sid: string, callback: (error: unknown, session?: Session | null) => void): void {
    settleRead(
      this.db
        .selectFrom('staff_sessions')
        .select('data')
        .where('sid', '=', sid)
        .where('expires_at', '>', sql<Date>`now()`)
        .where((eb) =>
          eb.or([
            eb('signed_in_at', 'is', null),
            eb('signed_in_at', '>', sql<Date>`now() - make_interval(secs => ${this.absoluteMs / 1000})`),
          ]),
        )
        .executeTakeFirst(),
      callback,
    );
  }

  /** Creates or replaces a session; the owner and sign-in time come from the session itself. */
  set(sid: string, session: Session, callback: StoreCallback): void {
    const expires = session.cookie.expires ?? new Date(Date.now() + this.idleMs);
    const staffId = session.staffId ?? null;
    const signedInAt = session.signedInAt ? new Date(session.signedInAt) : null;
    const data = JSON.stringify(session);
    settle(
      this.db
        .insertInto('staff_sessions')
        .values({ sid, staff_id: staffId, data, signed_in_at: signedInAt, expires_at: expires })
        // The sign-in time is never moved once set: that is what makes the absolute timeout absolute.
        .onConflict((oc) =>
          oc.column('sid').doUpdateSet({
            data,
            staff_id: staffId,
            expires_at: expires,
            signed_in_at: sql`coalesce(staff_sessions.signed_in_at, excluded.signed_in_at)`,
          }),
        )
        .execute(),
      callback,
    );
  }

  /** Forgets a session. */
  destroy(sid: string, callback: StoreCallback): void {
    settle(this.db.deleteFrom('staff_sessions').where('sid', '=', sid).execute(), callback);
  }

  /** Ends every session of one staff member ("sign out everywhere"); returns how many. */
  async destroyAllFor(staffId: string): Promise<number> {
    const result = await this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes expired sessions; returns how many. */
  async deleteExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', sql<Date>`now()`),
          eb('signed_in_at', '<=', sql<Date>`now() - make_interval(secs => ${this.absoluteMs / 1000})`),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
