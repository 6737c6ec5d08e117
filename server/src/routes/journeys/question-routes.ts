import {
  answersSchema,
  applyPageAnswers,
  findPageByPath,
  getJourney,
  isLifeEventId,
  nextPage,
  pagePath,
  pageSchema,
  reachablePages,
  toFieldErrors,
  todayInLondon,
  type Answers,
  type FieldError,
  type LifeEventId,
  type PageDefinition,
  requiredMessage,
} from '@tuo/shared';
import { answersToFormValues, formInput, type FormValues, type PostedForm } from '@tuo/shared/pages/form-values';
import { pageContext } from '@tuo/shared/pages/page-context';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import type { LookUpLimit } from '../../address-lookup/look-up-limit.js';
import { addressAction, confirmPageUprns, withChosenAddresses } from './address-actions.js';
import { csrfToken } from './csrf.js';
import { organisationSearchErrors, organisationSearchStates, unknownChoices } from './organisation-actions.js';
import { loadJourney, saveJourney } from './journey-session.js';
import { stepPath, titleWithErrors } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string(), pagePath: z.string() });
const query = z.object({ change: z.literal('1').optional() });

function backHref(lifeEvent: LifeEventId, page: PageDefinition, answers: Readonly<Answers>, change: boolean): string {
  if (change) return stepPath.checkAnswers(lifeEvent);
  const route = reachablePages(getJourney(lifeEvent), answers);
  const previous = route[route.findIndex((candidate) => candidate.id === page.id) - 1];
  return previous ? pagePath(lifeEvent, previous.id) : '/start';
}

interface QuestionView {
  lifeEvent: LifeEventId;
  page: PageDefinition;
  answers: Answers;
  change: boolean;
  values: FormValues;
  errors: FieldError[];
  addressLookup?: Record<string, AddressLookupState>;
  /** The post this page answers, for its organisation searches. */
  posted?: PostedForm;
}

async function renderQuestion(request: FastifyRequest, reply: FastifyReply, view: QuestionView) {
  const { lifeEvent, page, answers, change, values, errors, addressLookup } = view;
  const organisationSearch = await organisationSearchStates(request.server.db, page, values, view.posted);
  const action = `${pagePath(lifeEvent, page.id)}${change ? '?change=1' : ''}`;
  return reply.page({
    page: 'question',
    title: titleWithErrors(page.title, errors),
    props: {
      lifeEvent,
      pageId: page.id,
      answersSoFar: pageContext(getJourney(lifeEvent), page.id, answers),
      today: todayInLondon(),
      backHref: backHref(lifeEvent, page, answers, change),
      form: { action, csrfToken: csrfToken(request), values, errors },
      ...(addressLookup ? { addressLookup } : {}),
      ...(organisationSearch ? { organisationSearch } : {}),
    },
  });
}

/** Every question page of every journey, rendered from the catalogue: `/{lifeEvent}/{pagePath}`. */
export const questionRoutes: FastifyPluginAsyncZod<{ addressLookup: AddressLookup; lookUpLimit: LookUpLimit }> = async (
  app,
  options,
) => {
  app.get('/:lifeEvent/:pagePath', { schema: { hide: true, params, querystring: query } }, async (request, reply) => {
    const { lifeEvent, pagePath: path } = request.params;
    const page = isLifeEventId(lifeEvent) ? findPageByPath(getJourney(lifeEvent), path) : undefined;
    if (!isLifeEventId(lifeEvent) || !page) {
      reply.callNotFound();
      return reply;
    }
    const state = loadJourney(request, lifeEvent);
    if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
    // A page off the resident's route (typed in, or left behind by a changed answer) restarts the route.
    if (!reachablePages(getJourney(lifeEvent), state.answers).some((candidate) => candidate.id === page.id)) {
      return reply.redirect(pagePath(lifeEvent, getJourney(lifeEvent).pages[0]?.id ?? page.id), 303);
    }
    const change = request.query.change === '1';
    return renderQuestion(request, reply, {
      lifeEvent,
      page,
      answers: state.answers,
      change,
      values: answersToFormValues(page.fields, state.answers),
      errors: [],
    });
  });

  app.post(
    '/:lifeEvent/:pagePath',
    { schema: { hide: true, params, querystring: query, body: postedFormSchema } },
    async (request, reply) => {
      const { lifeEvent, pagePath: path } = request.params;
      const page = isLifeEventId(lifeEvent) ? findPageByPath(getJourney(lifeEvent), path) : undefined;
      if (!isLifeEventId(lifeEvent) || !page) {
        reply.callNotFound();
        return reply;
      }
      const journey = getJourney(lifeEvent);
      const state = loadJourney(request, lifeEvent);
      if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
      const change = request.query.change === '1';
      // Without JavaScript, an address chosen from the list then Continue is enough (no "Use this address").
      const posted =
        request.body._action === undefined
          ? await withChosenAddresses(
              { lookup: options.addressLookup, limit: options.lookUpLimit, request },
              page,
              request.body,
            )
          : request.body;
      const values = formInput(page.fields, posted);
      const result = pageSchema(journey, page.id, state.answers).safeParse(values);
      if (request.body._action === 'save') {
        // "Save and come back later" keeps this page's answers only when they are valid as they stand.
        if (result.success)
          saveJourney(request, lifeEvent, {
            ...state,
            answers: applyPageAnswers(journey, page.id, state.answers, result.data),
          });
        return reply.redirect(`/${lifeEvent}/save?from=${encodeURIComponent(page.path)}`, 303);
      }
      const looked = await addressAction(
        { lookup: options.addressLookup, limit: options.lookUpLimit, request },
        page,
        request.body,
        values,
      );
      const searched = organisationSearchErrors(page, request.body);
      if (searched) {
        if (searched.length > 0) reply.code(400);
        return renderQuestion(request, reply, {
          lifeEvent,
          page,
          answers: state.answers,
          change,
          values,
          errors: searched,
          posted: request.body,
        });
      }
      if (looked) {
        if (looked.retryAfterSeconds !== undefined)
          reply.code(429).header('retry-after', String(looked.retryAfterSeconds));
        else if (looked.errors.length > 0) reply.code(400);
        return renderQuestion(request, reply, { lifeEvent, page, answers: state.answers, change, ...looked });
      }
      const unknown = result.success ? await unknownChoices(request.server.db, page, values, requiredMessage) : [];
      if (!result.success || unknown.length > 0) {
        reply.code(400);
        return renderQuestion(request, reply, {
          lifeEvent,
          page,
          answers: state.answers,
          change,
          values,
          errors: result.success ? unknown : toFieldErrors(result.error.issues),
          posted: request.body,
        });
      }
      const answers = applyPageAnswers(
        journey,
        page.id,
        state.answers,
        await confirmPageUprns(options.addressLookup, page, result.data),
      );
      saveJourney(request, lifeEvent, { ...state, answers });
      const next = nextPage(journey, page.id, answers);
      // After a change, go back to the summary unless the new answer opened questions not yet answered.
      if (next === 'check-answers' || (change && answersSchema(journey).safeParse(answers).success)) {
        return reply.redirect(stepPath.checkAnswers(lifeEvent), 303);
      }
      return reply.redirect(`${pagePath(lifeEvent, next)}${change ? '?change=1' : ''}`, 303);
    },
  );
};
