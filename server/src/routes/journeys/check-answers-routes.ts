import { answerSummary, chosenOrganisations, getJourney, isLifeEventId, pagePath, reachablePages } from '@tuo/shared';
import { organisationNames } from '../../organisations/search-organisations.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadJourney } from './journey-session.js';
import { firstIncompletePage, stepPath } from './journey-progress.js';

/** An organisation field's answer (an id) named as the directory names it; nothing for other answers. */
function organisationName(lines: readonly string[], names: ReadonlyMap<string, string>): { organisationName?: string } {
  const name = lines.length === 1 && lines[0] !== undefined ? names.get(lines[0]) : undefined;
  return name === undefined ? {} : { organisationName: name };
}

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
        props: {
          lifeEvent,
          rows: answerSummary(journey, state.answers).map((row) => ({
            fieldName: row.fieldName,
            answer: Object.hasOwn(state.answers, row.fieldName) ? (state.answers[row.fieldName] ?? null) : null,
            ...organisationName(row.lines, names),
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
