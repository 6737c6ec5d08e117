import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The time now. Routes that judge time against service-level targets read it here, so tests
     * can move the clock without fake timers (the database keeps its own real clock).
     */
    now: () => Date;
  }
}

/** Decorates the app with {@link FastifyInstance.now}: the given clock, or the system's. */
export const clockPlugin = fp(
  async (app: FastifyInstance, options: { now?: (() => Date) | undefined }) => {
    app.decorate('now', options.now ?? (() => new Date()));
  },
  { name: 'clock' },
);
