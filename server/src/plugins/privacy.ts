import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ProtectedValues } from '../privacy/protected-values.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Seals and opens protected identifiers at the storage boundary (see privacy/protected-values.ts). */
    privacy: ProtectedValues;
  }
}

/** Makes the protected-data keyring available to routes; one per process, built from configuration. */
export const privacyPlugin = fp(
  (app: FastifyInstance, options: { privacy: ProtectedValues }) => {
    app.decorate('privacy', options.privacy);
  },
  { name: 'privacy' },
);
