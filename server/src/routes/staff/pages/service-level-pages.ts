import { toFieldErrors } from '@tuo/shared';
import { chaseOutcomeRequestSchema } from '@tuo/shared/api/chase-requests';
import { staffPerformanceQuerySchema } from '@tuo/shared/api/performance';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.js';
import { handleChaseRequest, listChaseRequests } from '../../../service-levels/chase-requests.js';
import { figuresFor } from '../../../service-levels/figures-for.js';
import { londonDate, startOfLondonDay } from '../../../service-levels/working-days.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { auditStaff, staffActor } from '../staff-access.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const done = z.enum(['chased', 'resolved']);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

async function renderQueue(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: { values?: FormValues; errors?: FieldError[]; done?: z.infer<typeof done> | null },
) {
  const queue = await listChaseRequests(request.server.db);
  await auditStaff(request, {
    action: 'staff.chase-requests.viewed',
    detail: { chaseRequests: queue.active.map((item) => item.id) },
  });
  const errors = extra.errors ?? [];
  return renderStaffPage(reply.code(errors.length > 0 ? 400 : reply.statusCode), {
    view: 'chase-requests',
    nav: staffNav(request),
    queue,
    form: { action: '/staff/chase-requests', csrfToken: staffCsrfToken(request), values: extra.values ?? {}, errors },
    done: extra.done ?? null,
  });
}

/**
 * Service levels in the console: the queue of residents' requests to chase (each outcome audited,
 * and shown to the resident), and the open figures with finer filters (any dates, one agency, life
 * event or channel; viewing is audited).
 */
export const serviceLevelPages: FastifyPluginAsyncZod<{ config: Pick<Config, 'serviceLevels'> }> = async (
  app,
  { config },
) => {
  app.get(
    '/staff/chase-requests',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, querystring: z.object({ done: done.optional() }) } },
    async (request, reply) => renderQueue(request, reply, { done: request.query.done ?? null }),
  );

  app.post(
    '/staff/chase-requests/:id',
    {
      config: { staffAccess: 'adviser' },
      schema: { hide: true, params: z.object({ id: z.uuid() }), body: postedFormSchema },
    },
    async (request, reply) => {
      const { id } = request.params;
      const parsed = chaseOutcomeRequestSchema.safeParse({
        outcome: text(request.body, `outcome-${id}`) || undefined,
        note: text(request.body, `note-${id}`),
      });
      if (!parsed.success) {
        const errors = toFieldErrors(parsed.error.issues).map((error) => ({ ...error, field: `${error.field}-${id}` }));
        return renderQueue(request, reply, { values: formValues(request.body), errors });
      }
      const changed = await handleChaseRequest(
        app.db,
        { id, outcome: parsed.data.outcome, note: parsed.data.note, now: app.now() },
        staffActor(request),
      );
      // Already handled by someone else: the queue shows how it now stands.
      return reply.redirect(
        changed ? `/staff/chase-requests?done=${parsed.data.outcome}` : '/staff/chase-requests',
        303,
      );
    },
  );

  app.get(
    '/staff/performance',
    {
      config: { staffAccess: 'adviser' },
      schema: { hide: true, querystring: z.record(z.string(), z.string().max(40)) },
    },
    async (request, reply) => {
      const now = app.now();
      const given = Object.fromEntries(Object.entries(request.query).filter(([, value]) => value.trim() !== ''));
      const values = { from: londonDate(new Date(now.getTime() - 30 * DAY_MS)), to: londonDate(now), ...given };
      const parsed = staffPerformanceQuerySchema.safeParse(values);
      const form = {
        action: '/staff/performance',
        csrfToken: '',
        values,
        errors: parsed.success ? [] : toFieldErrors(parsed.error.issues),
      };
      if (!parsed.success)
        return renderStaffPage(reply.code(400), {
          view: 'performance',
          nav: staffNav(request),
          form,
          figures: null,
          lifeEvent: 'all',
        });
      const { from, to, ...filters } = parsed.data;
      // Whole UK days: from the start of `from` to the end of `to`.
      const window = { from: startOfLondonDay(from), to: startOfLondonDay(nextDay(to)) };
      const figures = await figuresFor(app.db, { ...window, ...filters }, { serviceLevels: config.serviceLevels, now });
      await auditStaff(request, { action: 'staff.performance.viewed', detail: { filters: Object.keys(given) } });
      return renderStaffPage(reply, {
        view: 'performance',
        nav: staffNav(request),
        form,
        figures,
        lifeEvent: filters.lifeEvent ?? 'all',
      });
    },
  );
};
