import { checkAnswersPage, firstPage, getJourney, isLifeEventId, pagePath, type FieldError } from '@tuo/shared';
import { saveReturnMessages } from '@tuo/shared/pages/save-return-messages';
import type { SavedFormUnavailableProps } from '@tuo/shared/pages/save-return-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { isCodeThrottled, recordCodeFailure } from '../../saved-journeys/code-throttle.js';
import { normaliseReturnCode, returnCodeHash } from '../../saved-journeys/return-code.js';
import { returnLinkTokenHash } from '../../saved-journeys/return-link-token.js';
import {
  restoreSavedJourney,
  savedJourneyState,
  type RestoredJourney,
  type SavedJourneyState,
} from '../../saved-journeys/saved-journey-repository.js';
import { csrfToken } from './csrf.js';
import { newJourneyState, saveJourney } from './journey-session.js';
import { postedFormSchema } from './posted-form.js';

// As strict as tracking: these guess at secrets.
const rateLimit = { max: 30, timeWindow: '1 minute' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Puts the saved answers back into this browser's session and goes to where the resident left off. */
function resume(request: FastifyRequest, reply: FastifyReply, restored: RestoredJourney) {
  if (!isLifeEventId(restored.lifeEvent)) return reply.redirect('/start', 303);
  saveJourney(request, restored.lifeEvent, {
    ...newJourneyState(),
    answers: restored.saved.answers,
    ...(restored.saved.consent ? { consent: restored.saved.consent } : {}),
    savedForms: [restored.id],
  });
  request.log.info({ lifeEvent: restored.lifeEvent }, 'saved form restored');
  // A page removed by a release since the form was saved: start from the first page, answers kept.
  const journey = getJourney(restored.lifeEvent);
  const leftOff =
    restored.pageId === checkAnswersPage || journey.pages.some((page) => page.id === restored.pageId)
      ? restored.pageId
      : firstPage(journey).id;
  return reply.redirect(pagePath(restored.lifeEvent, leftOff), 303);
}

function unavailable(reply: FastifyReply, props: SavedFormUnavailableProps) {
  // 410 Gone for a link that no longer works, 429 for too many tries: friendly pages all the same.
  return reply.code(props.reason === 'too-many-tries' ? 429 : 410).page({
    page: 'saved-form-unavailable',
    props,
  });
}

/** Why a saved form that could not be restored is unavailable, from its state. */
function unavailableFor(found: SavedJourneyState): SavedFormUnavailableProps {
  if (found.state === 'submitted') return { reason: 'submitted', reference: found.reference };
  return { reason: found.state === 'used' ? 'used' : 'expired' };
}

function codeForm(request: FastifyRequest, reply: FastifyReply, code: string, errors: FieldError[]) {
  if (errors.length > 0) reply.code(400);
  return reply.page({
    page: 'return-to-form',
    props: {
      by: 'code',
      form: {
        action: '/return',
        csrfToken: csrfToken(request),
        values: { code },
        errors,
      },
    },
  });
}

/**
 * Coming back to a saved form. A link (`/return?token=…`) opens a page with one button, and only
 * the button's post uses it up: mail scanners that open links must not spend a one-time link.
 * A code is typed on `/return`; wrong codes are counted per address and slowed after a few.
 */
export const returnRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, options) => {
  const secret = options.config.sessionSecret;

  app.get(
    '/return',
    {
      config: { rateLimit },
      schema: {
        hide: true,
        querystring: z.object({ token: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const { token } = request.query;
      if (token === undefined) return codeForm(request, reply, '', []);
      const found = await savedJourneyState(app.db, 'token_hash', returnLinkTokenHash(token));
      if (found.state !== 'ready') return unavailable(reply, unavailableFor(found));
      return reply.page({
        page: 'return-to-form',
        props: {
          by: 'link',
          form: {
            action: '/return/link',
            csrfToken: csrfToken(request),
            values: { token },
            errors: [],
          },
        },
      });
    },
  );

  app.post(
    '/return/link',
    { config: { rateLimit }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const hash = returnLinkTokenHash(text(request.body.token));
      const restored = await restoreSavedJourney(app.db, app.privacy, 'token_hash', hash);
      if (restored) return resume(request, reply, restored);
      return unavailable(reply, unavailableFor(await savedJourneyState(app.db, 'token_hash', hash)));
    },
  );

  app.post(
    '/return',
    { config: { rateLimit }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const typed = text(request.body.code);
      if (await isCodeThrottled(app.db, request.ip)) return unavailable(reply, { reason: 'too-many-tries' });
      if (typed.trim() === '')
        return codeForm(request, reply, typed, [{ field: 'code', message: saveReturnMessages.codeMissing }]);
      const code = normaliseReturnCode(typed);
      if (!code) return codeForm(request, reply, typed, [{ field: 'code', message: saveReturnMessages.codeFormat }]);
      const hash = returnCodeHash(code, secret);
      const restored = await restoreSavedJourney(app.db, app.privacy, 'code_hash', hash);
      if (restored) return resume(request, reply, restored);
      const found = await savedJourneyState(app.db, 'code_hash', hash);
      if (found.state === 'submitted' || found.state === 'used' || found.state === 'expired')
        return unavailable(reply, unavailableFor(found));
      await recordCodeFailure(app.db, request.ip);
      request.log.info('wrong saved form code');
      return codeForm(request, reply, typed, [{ field: 'code', message: saveReturnMessages.codeNotFound }]);
    },
  );
};
