import { setTimeout as wait } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The time now. Routes that judge time against service-level targets read it here, so tests
     * can move the clock without fake timers (the database keeps its own real clock).
     */
    now: () => Date;
    /** Waits this long (sign-in slows down here), so tests can see the wait without sitting through it. */
    sleep: (ms: number) => Promise<void>;
  }
}

/** Decorates the app with {@link FastifyInstance.now} and {@link FastifyInstance.sleep}: the given ones, or the system's. */
export const clockPlugin = fp(
  async (
    app: FastifyInstance,
    options: { now?: (() => Date) | undefined; sleep?: ((ms: number) => Promise<void>) | undefined },
  ) => {
    app.decorate('now', options.now ?? (() => new Date()));
    app.decorate(
      'sleep',
      options.sleep ??
        (async (ms: number) => {
          if (ms > 0) await wait(ms);
        }),
    );
  },
  { name: 'clock' },
);
