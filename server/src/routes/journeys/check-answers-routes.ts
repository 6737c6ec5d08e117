import { answerSummary, chosenOrganisations, getJourney, isLifeEventId, pagePath, reachablePages } from '@tuo/shared';
import { organisationNames } from '../../organisations/search-organisations.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadJourney } from './journey-session.js';
import { firstIncompletePage, stepPath } from './journey-progress.js';

/** "Check your answers": every answer on the resident's route, each with a Change link. */
export const checkAnswersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:lifeEvent/check-answers',
    { schema: { hide: true, params: z.object({ lifeEvent: z.string() }) } },
    async (request, reply) => {
      const { lifeEvent } = request.params;
      if (!isLifeEventId(lifeEvent)) {
        reply.callNotFound();
        return reply;
      }
      const state = loadJourney(request, lifeEvent);
      if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
      const incomplete = firstIncompletePage(lifeEvent, state.answers);
      if (incomplete) return reply.redirect(incomplete, 303);
      const journey = getJourney(lifeEvent);
      const lastPage = reachablePages(journey, state.answers).at(-1);
      const names = await organisationNames(app.db, Object.values(chosenOrganisations(journey, state.answers)));
      return reply.page({
        page: 'check-answers',
        title: 'Check your answers',
        props: {
          lifeEvent,
          rows: answerSummary(journey, state.answers).map((row) => ({
            fieldName: row.fieldName,
            answer: Object.hasOwn(state.answers, row.fieldName) ? (state.answers[row.fieldName] ?? null) : null,
            label: row.label,
            lines: row.lines.map((line) => names.get(line) ?? line),
            changeHref: `${pagePath(lifeEvent, row.pageId)}?change=1`,
            sectionPageId: row.section?.pageId ?? null,
          })),
          continueHref: stepPath.whoToTell(lifeEvent),
          backHref: lastPage ? pagePath(lifeEvent, lastPage.id) : '/start',
        },
      });
    },
  );
};
