import { lifeEventIds, type LifeEventId } from '@tuo/shared';
import {
  performanceFiguresSchema,
  performancePeriods,
  performanceQuerySchema,
  periodDays,
  type PerformanceFigures,
  type PerformancePeriod,
} from '@tuo/shared/api/performance';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { figuresFor } from '../../service-levels/figures-for.js';
import { notificationsCsv, organisationsCsv, reportsCsv } from '../../service-levels/performance-csv.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// Public and unauthenticated: figures are worked out at most once a minute per period.
const cacheMs = 60_000;
const pageQuery = z.record(z.string(), z.string().max(40));

function periodOf(value: string | undefined): PerformancePeriod {
  return performancePeriods.find((period) => period === value) ?? '30d';
}

function cachedFigures(app: FastifyInstance, config: Pick<Config, 'serviceLevels'>) {
  const cache = new Map<PerformancePeriod, { at: number; figures: Promise<PerformanceFigures> }>();
  return (period: PerformancePeriod): Promise<PerformanceFigures> => {
    const now = app.now();
    const hit = cache.get(period);
    if (hit && Math.abs(now.getTime() - hit.at) < cacheMs) return hit.figures;
    const figures = figuresFor(
      app.db,
      { from: new Date(now.getTime() - periodDays[period] * DAY_MS), to: now },
      { serviceLevels: config.serviceLevels, now },
    );
    // A failed read is not kept: the next request tries again.
    figures.catch(() => cache.delete(period));
    cache.set(period, { at: now.getTime(), figures });
    return figures;
  };
}

/**
 * "How we are doing": the open performance figures. No sign-in and nothing personal, only
 * aggregates with small counts withheld. The page is a GET form (period, life event); the same
 * figures download as CSV and as JSON (`/api/performance`, in the OpenAPI document).
 */
export const performanceRoutes: FastifyPluginAsyncZod<{ config: Pick<Config, 'serviceLevels'> }> = async (
  app,
  { config },
) => {
  const figures = cachedFigures(app, config);
  app.addHook('onSend', async (request, reply) => {
    // The page is in the reader's language (a cookie), and a language switch sets that cookie with a
    // redirect: neither may sit in a shared cache. The figures themselves are the same for everyone.
    // Every /api answer is no-store (plugins/security.ts), the figures' JSON included.
    if (reply.hasHeader('set-cookie') || reply.statusCode >= 300 || request.url.startsWith('/api/')) return;
    void reply.header('cache-control', 'private, max-age=60');
  });

  app.get('/performance', { schema: { hide: true, querystring: pageQuery } }, async (request, reply) => {
    const period = periodOf(request.query.period);
    const lifeEvent: LifeEventId | 'all' = lifeEventIds.find((id) => id === request.query.lifeEvent) ?? 'all';
    return reply.page({
      page: 'performance',
      props: {
        form: { action: '/performance', csrfToken: '', values: { period, lifeEvent }, errors: [] },
        period,
        lifeEvent,
        figures: await figures(period),
        downloads: {
          notificationsCsv: `/performance/notifications.csv?period=${period}`,
          organisationsCsv: `/performance/organisations.csv?period=${period}`,
          reportsCsv: `/performance/reports.csv?period=${period}`,
          json: `/api/performance?period=${period}`,
        },
      },
    });
  });

  for (const [name, toCsv] of [
    ['notifications', notificationsCsv],
    ['organisations', organisationsCsv],
    ['reports', reportsCsv],
  ] as const) {
    app.get(`/performance/${name}.csv`, { schema: { hide: true, querystring: pageQuery } }, async (request, reply) => {
      const period = periodOf(request.query.period);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tell-us-once-${name}-${period}.csv"`)
        .send(toCsv(await figures(period)));
    });
  }

  app.get(
    '/api/performance',
    {
      schema: {
        tags: ['performance'],
        summary:
          'Open performance figures for a period: per kind of organisation, per organisation and per life event, with counts below 10 withheld',
        querystring: performanceQuerySchema,
        response: { 200: performanceFiguresSchema, 400: problemSchema },
      },
    },
    async (request) => figures(request.query.period),
  );
};
