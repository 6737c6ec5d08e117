import { fastifyCookie } from '@fastify/cookie';
import type { AssistedContext } from '@tuo/shared/api/staff-session';
import type { Channel } from '@tuo/shared/submission/channel';
import type { FastifyInstance, FastifyRequest, Session } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../audit/audit-log.js';
import { findAdviser } from '../staff/staff-accounts.js';
import { StaffSessionStore } from '../console/console-session-store.js';
import { staffCookieName, staffIdleTimeoutMs } from '../console/console-session.js';

/** Who is making a submission through the journey pages, and how. */
export interface SubmissionOrigin {
  channel: Channel;
  actor: Actor;
  /** Set when an adviser is acting for the resident: what they recorded before starting. */
  assisted?: AssistedContext;
  /** The adviser acting, with `assisted`, and the name others see them by (display name, else email). */
  adviser?: { id: string; email: string; name: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The resident online, or, when the request carries the session of a signed-in adviser who has
     * started an assisted transaction, that adviser on the resident's behalf.
     */
    submissionOrigin(request: FastifyRequest): Promise<SubmissionOrigin>;
  }
}

/**
 * Lets the resident journeys (their own scope, with their own session) recognise an adviser's
 * assisted transaction: it reads the staff cookie itself, checks its signature and loads the
 * staff session through the same store, so every timeout and sign-out applies here too.
 */
export const submissionOriginPlugin = fp(
  (app: FastifyInstance, options: { secret: string; publicUrl: string }) => {
    const cookieName = staffCookieName(options.publicUrl);
    const store = new StaffSessionStore(app.db, staffIdleTimeoutMs);
    const load = (sid: string) =>
      new Promise<Session | null | undefined>((resolve, reject) => {
        store.get(sid, (error, session) => {
          if (error) reject(error instanceof Error ? error : new Error('Could not read the staff session'));
          else resolve(session);
        });
      });
    const online: SubmissionOrigin = { channel: 'online', actor: { type: 'resident' } };

    app.decorate('submissionOrigin', async (request: FastifyRequest): Promise<SubmissionOrigin> => {
      const signed = fastifyCookie.parse(request.headers.cookie ?? '')[cookieName];
      const unsigned = signed ? fastifyCookie.unsign(signed, options.secret) : undefined;
      if (!unsigned?.valid || !unsigned.value) return online;
      const session = await load(unsigned.value);
      if (!session?.staffId || !session.assisting) return online;
      const staff = await findAdviser(app.db, session.staffId);
      if (!staff) return online;
      return {
        channel: 'assisted',
        actor: { type: 'staff', id: staff.id, address: request.ip },
        assisted: session.assisting,
        adviser: staff,
      };
    });
  },
  { name: 'submission-origin', dependencies: ['database'] },
);
