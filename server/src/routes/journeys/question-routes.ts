import { findPageByPath, getJourney, isLifeEventId, pagePath, reachablePages, type PageKind } from '@tuo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadJourney } from './journey-session.js';
import { stepPath } from './journey-progress.js';
import { handlerFor, pageKindHandlers, type PageKindServices } from './page-kinds/page-kind-handlers.js';
import type { PageVisit } from './page-kinds/page-kind-handler.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string(), pagePath: z.string() });
const query = z.object({ change: z.literal('1').optional() });

type Found = { visit: PageVisit<PageKind> } | { reply: FastifyReply };

/**
 * The page the address names, of a journey not yet sent (and, when showing it, on the resident's
 * route); otherwise what to answer instead.
 */
function findVisit(
  request: FastifyRequest<{ Params: z.infer<typeof params>; Querystring: z.infer<typeof query> }>,
  reply: FastifyReply,
  showing: boolean,
): Found {
  const { lifeEvent, pagePath: path } = request.params;
  const page = isLifeEventId(lifeEvent) ? findPageByPath(getJourney(lifeEvent), path) : undefined;
  if (!isLifeEventId(lifeEvent) || !page) {
    reply.callNotFound();
    return { reply };
  }
  const state = loadJourney(request, lifeEvent);
  if (state.submitted) return { reply: reply.redirect(stepPath.confirmation(lifeEvent), 303) };
  // A page off the resident's route (typed in, or left behind by a changed answer) restarts the route.
  if (showing && !reachablePages(getJourney(lifeEvent), state.answers).some((candidate) => candidate.id === page.id)) {
    return { reply: reply.redirect(pagePath(lifeEvent, getJourney(lifeEvent).pages[0]?.id ?? page.id), 303) };
  }
  return { visit: { request, reply, lifeEvent, page, state, change: request.query.change === '1' } };
}

/**
 * Every question page of every journey, rendered from the catalogue: `/{lifeEvent}/{pagePath}`.
 * What a page shows and how it takes its answers is its kind's (`page-kinds/`).
 */
export const questionRoutes: FastifyPluginAsyncZod<PageKindServices> = async (app, options) => {
  const handlers = pageKindHandlers(options);

  app.get('/:lifeEvent/:pagePath', { schema: { hide: true, params, querystring: query } }, async (request, reply) => {
    const found = findVisit(request, reply, true);
    return 'reply' in found ? found.reply : handlerFor(handlers, found.visit.page).show(found.visit);
  });

  app.post(
    '/:lifeEvent/:pagePath',
    { schema: { hide: true, params, querystring: query, body: postedFormSchema } },
    async (request, reply) => {
      const found = findVisit(request, reply, false);
      return 'reply' in found ? found.reply : handlerFor(handlers, found.visit.page).submit(found.visit, request.body);
    },
  );
};
