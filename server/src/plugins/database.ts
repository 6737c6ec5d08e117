import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** Whether this process's worker is running; API-only processes report that they run none. */
export interface WorkerStatus {
  ok: boolean;
  detail?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The database, shared by every route in this process. */
    db: Kysely<Database>;
    /** Reports on the worker this process runs, if any (for `/readyz`). */
    workerStatus: () => WorkerStatus;
  }
}

/** Makes the database and the worker's status available to routes. The caller owns both lifecycles. */
export const databasePlugin = fp(
  (app: FastifyInstance, options: { db: Kysely<Database>; workerStatus: () => WorkerStatus }) => {
    app.decorate('db', options.db);
    app.decorate('workerStatus', options.workerStatus);
  },
  { name: 'database' },
);
