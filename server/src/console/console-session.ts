import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { AssistedContext } from '@tuo/shared/api/staff-session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { StaffSessionStore } from './console-session-store.js';

declare module 'fastify' {
  interface Session {
    /** The signed-in staff member; absent before sign-in. */
    staffId?: string;
    /** When they signed in (ISO), for the absolute timeout. */
    signedInAt?: string;
    /** Checked against `_csrf` or `x-csrf-token` on every state-changing staff request. */
    staffCsrf?: string;
    /** The assisted transaction the adviser is running, if any. */
    assisting?: AssistedContext;
  }
  interface FastifyInstance {
    /** The staff session store, for "sign out everywhere". */
    staffSessions: StaffSessionStore;
  }
}

/** Idle timeout of a staff session. */
export const staffIdleTimeoutMs = 30 * 60 * 1000;

/** The staff session cookie's name: `__Host-` pins it to this host, which browsers allow only when Secure. */
export function staffCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https:') ? '__Host-tuo-staff' : 'tuo-staff';
}

/**
 * Staff sessions: a signed, httpOnly, SameSite=Strict cookie naming a row in `staff_sessions`,
 * separate from residents' journey sessions. Each console (staff, agency portal) registers it in its own scope.
 * The cookie's path is `/` so an adviser's session reaches the resident journeys they run.
 */
export const staffSessionPlugin = fp(
  // `cookieName` lets the agency portal run the same sessions under its own cookie.
  async (
    app: FastifyInstance,
    options: { secret: string; publicUrl: string; cookieName?: string; cleanupIntervalMs?: number },
  ) => {
    const secure = options.publicUrl.startsWith('https:');
    const store = new StaffSessionStore(app.db, staffIdleTimeoutMs);
    app.decorate('staffSessions', store);
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: options.secret,
      cookieName: options.cookieName ?? staffCookieName(options.publicUrl),
      // Strict: a link from another site (an email, say) never arrives signed in.
      cookie: { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: staffIdleTimeoutMs },
      store,
      saveUninitialized: false,
      // Every request pushes the idle expiry on; the absolute one is enforced by the store.
      rolling: true,
    });
    const timer = setInterval(
      () => {
        store.deleteExpired().catch((error: unknown) => {
          app.log.warn({ err: error }, 'could not delete expired staff sessions');
        });
      },
      options.cleanupIntervalMs ?? 10 * 60 * 1000,
    );
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
    });
  },
  { name: 'staff-session', dependencies: ['database'] },
);
