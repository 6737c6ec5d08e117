import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { migrationsAreCurrent } from '../../db/migrator.js';

const checkSchema = z.object({ ok: z.boolean(), detail: z.string().optional() });
const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: checkSchema, migrations: checkSchema, worker: checkSchema }),
});

/** `/healthz` says the process is alive; `/readyz` says it can do its work. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Once migrations are current they stay current for this process's code: check until then only.
  let migrationsCurrent = false;
  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary:
          'The database is reachable, migrations are current and the worker (where this process runs one) is running',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const database = await sql`select 1`
        .execute(app.db)
        .then(() => ({ ok: true }))
        .catch(() => ({ ok: false, detail: 'The database cannot be reached.' }));
      const migrations = database.ok
        ? await (migrationsCurrent ? Promise.resolve(true) : migrationsAreCurrent(app.db))
            .then((ok) => {
              migrationsCurrent = ok;
              return ok ? { ok } : { ok, detail: 'Database migrations are pending.' };
            })
            .catch(() => ({ ok: false, detail: 'Migrations could not be checked.' }))
        : { ok: false, detail: 'Not checked: no database.' };
      const worker = app.workerStatus();
      const ready = database.ok && migrations.ok && worker.ok;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database, migrations, worker } });
    },
  );
};
