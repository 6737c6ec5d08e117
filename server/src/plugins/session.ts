import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PostgresSessionStore } from './session-store.js';

/** Options for resident sessions. */
export interface SessionOptions {
  /** Signs the session cookie; the same on every API process. */
  secret: string;
  /** The address residents use: an https address makes the cookie Secure. */
  publicUrl: string;
  /** How long an idle session lives; defaults to 4 hours. */
  maxAgeMs?: number;
  /** How often expired sessions are deleted; defaults to 10 minutes. */
  cleanupIntervalMs?: number;
}

/** The resident session cookie's name: the __Host- prefix pins it to this host, which browsers allow only when Secure. */
export function residentCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https:') ? '__Host-tuo-session' : 'tuo-session';
}

/**
 * Resident sessions: a signed, httpOnly, SameSite=Lax cookie naming a row in the `sessions` table.
 * Register it inside the route scope that needs it (resident pages), not for the API.
 */
export const sessionPlugin = fp(
  async (app: FastifyInstance, options: SessionOptions) => {
    const maxAge = options.maxAgeMs ?? 4 * 60 * 60 * 1000;
    const secure = options.publicUrl.startsWith('https:');
    const store = new PostgresSessionStore(app.db, maxAge, app.privacy);
    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: options.secret,
      cookieName: residentCookieName(options.publicUrl),
      cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge },
      store,
      // No row and no cookie until the resident has something to keep.
      saveUninitialized: false,
      // Each page view extends an idle session, so someone fetching a certificate does not lose their answers.
      rolling: true,
    });
    const timer = setInterval(
      () => {
        store.deleteExpired().catch((error: unknown) => {
          app.log.warn({ err: error }, 'could not delete expired sessions');
        });
      },
      options.cleanupIntervalMs ?? 10 * 60 * 1000,
    );
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
    });
  },
  { name: 'session', dependencies: ['database', 'privacy'] },
);
