import { getJourney, isLifeEventId, type FieldError, type LifeEventId } from '@tuo/shared';
import type { FormValues } from '@tuo/shared/pages/form-values';
import { organisationSearchMessages } from '@tuo/shared/pages/organisation-search-messages';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fallbackOrganisation } from '../../organisations/fallback-organisation.js';
import { listCouncils } from '../../organisations/list-councils.js';
import { findChoice } from '../../organisations/search-organisations.js';
import { addressKey } from './confirmed-councils.js';
import { csrfToken } from './csrf.js';
import { loadJourney, saveJourney, type JourneyState } from './journey-session.js';
import { firstIncompletePage, stepPath } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string(), field: z.string().max(100) });
const query = z.object({ q: z.string().max(100).optional() });
/** The radio answered when the resident's council is not in the directory: the council team is told. */
const notListed = 'not-listed';
const missing: FieldError = { field: 'council', message: organisationSearchMessages.councilMissing };

/**
 * "Which council is this address in?": asked before who-to-tell for each address the look-up
 * could not place (see who-to-tell-routes.ts), so the council told is never silently the fallback.
 * The councils are radios (searched by name, with a GET form, when there are many); "not listed"
 * tells the council team, and the page says so. Works without JavaScript.
 */
export const whichCouncilRoutes: FastifyPluginAsyncZod = async (app) => {
  // The page's own checks: a life event, a journey in progress and an address field it answered.
  const readyState = (lifeEvent: string, field: string) => {
    if (!isLifeEventId(lifeEvent)) return undefined;
    const fields = getJourney(lifeEvent).pages.flatMap((page) => page.fields);
    if (!fields.some((f) => f.name === field && f.kind === 'address')) return undefined;
    return { lifeEvent, field };
  };
  const elsewhere = (lifeEvent: LifeEventId, state: JourneyState, field: string) => {
    if (state.submitted) return stepPath.confirmation(lifeEvent);
    return (
      firstIncompletePage(lifeEvent, state.answers) ??
      (addressKey(state.answers, field) ? undefined : stepPath.whoToTell(lifeEvent))
    );
  };
  const render = async (
    lifeEvent: LifeEventId,
    field: string,
    state: JourneyState,
    typed: string,
    chosen: string | undefined,
    errors: FieldError[],
    token: string,
  ) => {
    const answer = state.answers[field];
    const address =
      typeof answer === 'object' && !Array.isArray(answer)
        ? [answer.line1, answer.line2, answer.town, answer.postcode].filter(
            (line): line is string => line !== undefined && line !== '',
          )
        : [];
    const found = await listCouncils(app.db, typed);
    const action = stepPath.whichCouncil(lifeEvent, field);
    const values: FormValues = chosen ? { council: chosen } : {};
    return {
      page: 'which-council' as const,
      props: {
        lifeEvent,
        addressField: field,
        address,
        councils: found.councils,
        search: { action, query: typed, needed: found.searchNeeded },
        backHref: stepPath.checkAnswers(lifeEvent),
        form: { action, csrfToken: token, values, errors },
      },
    };
  };

  app.get(
    '/:lifeEvent/which-council/:field',
    { schema: { hide: true, params, querystring: query } },
    async (request, reply) => {
      const ready = readyState(request.params.lifeEvent, request.params.field);
      if (!ready) {
        reply.callNotFound();
        return reply;
      }
      const state = loadJourney(request, ready.lifeEvent);
      const away = elsewhere(ready.lifeEvent, state, ready.field);
      if (away) return reply.redirect(away, 303);
      const kept = state.councils?.[ready.field];
      const chosen = kept && kept.address === addressKey(state.answers, ready.field) ? kept.id : undefined;
      return reply.page(
        await render(ready.lifeEvent, ready.field, state, request.query.q ?? '', chosen, [], csrfToken(request)),
      );
    },
  );

  app.post(
    '/:lifeEvent/which-council/:field',
    { schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const ready = readyState(request.params.lifeEvent, request.params.field);
      if (!ready) {
        reply.callNotFound();
        return reply;
      }
      const { lifeEvent, field } = ready;
      const state = loadJourney(request, lifeEvent);
      const away = elsewhere(lifeEvent, state, field);
      if (away) return reply.redirect(away, 303);
      const posted = typeof request.body.council === 'string' ? request.body.council : '';
      const council =
        posted === notListed
          ? (await fallbackOrganisation(app.db, 'council')).id
          : (await findChoice(app.db, 'council', posted))?.id;
      const address = addressKey(state.answers, field);
      if (!council || !address)
        return reply
          .code(400)
          .page(await render(lifeEvent, field, state, '', undefined, [missing], csrfToken(request)));
      saveJourney(request, lifeEvent, { ...state, councils: { ...state.councils, [field]: { id: council, address } } });
      // Who-to-tell asks about the next address it cannot place, if there is one.
      return reply.redirect(stepPath.whoToTell(lifeEvent), 303);
    },
  );
};
