import { firstPage, getJourney, isLifeEventId, pagePath } from '@tuo/shared';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { csrfToken } from './csrf.js';
import { loadJourney, newJourneyState, saveJourney } from './journey-session.js';
import { postedFormSchema } from './posted-form.js';

/** "What has happened?": choose a life event, then its first question. */
export const chooseLifeEventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/start', { schema: { hide: true } }, async (request, reply) =>
    reply.page({
      page: 'choose-life-event',
      props: { form: { action: '/start', csrfToken: csrfToken(request), values: {}, errors: [] } },
    }),
  );

  app.post('/start', { schema: { hide: true, body: postedFormSchema } }, async (request, reply) => {
    const lifeEvent = request.body.lifeEvent;
    if (typeof lifeEvent !== 'string' || !isLifeEventId(lifeEvent)) {
      const errors = [{ field: 'lifeEvent', message: pageMessages.chooseLifeEvent }];
      return reply.code(400).page({
        page: 'choose-life-event',
        props: { form: { action: '/start', csrfToken: csrfToken(request), values: {}, errors } },
      });
    }
    // Answers in progress are kept; a journey already sent starts afresh, with a new idempotency key.
    if (loadJourney(request, lifeEvent).submitted) saveJourney(request, lifeEvent, newJourneyState());
    return reply.redirect(pagePath(lifeEvent, firstPage(getJourney(lifeEvent)).id), 303);
  });
};
