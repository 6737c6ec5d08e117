import { isLifeEventId, type Answers } from '@tuo/shared';
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { SealedValueError } from '../privacy/keyring.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import { settle, settleRead, type StoreCallback } from './session-callback.js';

interface StoredJourney {
  answers?: Answers;
  drafts?: unknown;
  submitted?: { trackingSecret?: string | null };
}
type StoredSession = Session & { journeys?: Record<string, StoredJourney | undefined> };

/**
 * Keeps @fastify/session's sessions in Postgres, so every API process sees the same session and a
 * restart loses nothing. The interface is callback-based because express-session stores are.
 */
export class PostgresSessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    /** How long a session lives when its cookie carries no expiry. */
    private readonly maxAgeMs: number,
    /** Journeys in progress hold NHS and NI numbers and dates of birth: they rest sealed, bound to the session. */
    private readonly privacy: ProtectedValues,
  ) {}

  /** The session's journeys with their answers sealed (or opened), leaving the live session untouched. */
  private transform(sid: string, session: StoredSession, change: 'sealAnswers' | 'openAnswers'): StoredSession {
    if (!session.journeys) return session;
    const journeys: StoredSession['journeys'] = {};
    const context = `session:${sid}`;
    for (const [lifeEvent, journey] of Object.entries(session.journeys)) {
      const answered =
        journey?.answers && isLifeEventId(lifeEvent)
          ? { ...journey, answers: this.privacy[change](lifeEvent, journey.answers, context) }
          : journey;
      // Rows typed on an add-another page but not yet complete hold dates of birth too: sealed whole.
      const drafted =
        answered?.drafts === undefined
          ? answered
          : { ...answered, drafts: this.transformDrafts(answered.drafts, `${context}#drafts`, change) };
      // A sent report's tracking code, kept until it is confirmed, unlocks its status page: sealed too.
      const secret = drafted?.submitted?.trackingSecret;
      journeys[lifeEvent] =
        typeof secret === 'string' && drafted?.submitted
          ? {
              ...drafted,
              submitted: {
                ...drafted.submitted,
                trackingSecret: this.transformText(secret, `${context}#tracking`, change),
              },
            }
          : drafted;
    }
    return { ...session, journeys };
  }

  /** Any value, sealed whole as JSON (or opened back): {@link transformText} of its JSON. */
  private transformDrafts(drafts: unknown, context: string, change: 'sealAnswers' | 'openAnswers'): unknown {
    const sealed = this.privacy.keyring.isSealed(drafts);
    if (change === 'sealAnswers') return sealed ? drafts : this.transformText(JSON.stringify(drafts), context, change);
    return sealed ? (JSON.parse(this.transformText(drafts, context, change)) as unknown) : drafts;
  }

  /** A text sealed (or opened back); one already in the state asked for is left as it is. */
  private transformText(text: string, context: string, change: 'sealAnswers' | 'openAnswers'): string {
    const { keyring } = this.privacy;
    if (keyring.isSealed(text)) return change === 'openAnswers' ? keyring.open(text, context) : text;
    return change === 'sealAnswers' ? keyring.seal(text, context) : text;
  }

  /** Reads a session; an expired one reads as none. */
  get(sid: string, callback: (error: unknown, session?: Session | null) => void): void {
    const read = this.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', sid)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
      .then((row) => {
        if (!row) return undefined;
        try {
          return { data: this.transform(sid, row.data as StoredSession, 'openAnswers') };
        } catch (error) {
          // Sealed under a key no longer configured, or tampered with: start afresh rather than fail every page.
          if (error instanceof SealedValueError) return undefined;
          throw error;
        }
      });
    settleRead(read, callback);
  }

  /** Creates or replaces a session, with its expiry taken from its cookie. */
  set(sid: string, session: Session, callback: StoreCallback): void {
    const expires = session.cookie.expires ?? new Date(Date.now() + this.maxAgeMs);
    const data = JSON.stringify(this.transform(sid, session, 'sealAnswers'));
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
    settle(this.db.deleteFrom('sessions').where('sid', '=', sid).execute(), callback);
  }

  /** Deletes every expired session; returns how many. Residents' answers are personal data, so none outstay their welcome. */
  async deleteExpired(now = new Date()): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
