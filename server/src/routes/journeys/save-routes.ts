import {
  findPageByPath,
  firstPage,
  getJourney,
  isLifeEventId,
  isValidEmail,
  isValidPhoneNumber,
  normaliseEmail,
  normalisePhoneNumber,
  pagePath,
  type FieldError,
  type LifeEventId,
} from '@tuo/shared';
import { saveReturnMessages } from '@tuo/shared/pages/save-return-messages';
import type { SaveMethodKind } from '@tuo/shared/pages/save-return-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { generateReturnCode, normaliseReturnCode, returnCodeHash } from '../../saved-journeys/return-code.js';
import { createSavedJourney, type SaveMethod } from '../../saved-journeys/saved-journey-repository.js';
import { csrfToken } from './csrf.js';
import { loadJourney, saveJourney } from './journey-session.js';
import { stepPath } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string() });
const query = z.object({ from: z.string().max(100).optional() });

/** The ways this installation can offer: a link needs GOV.UK Notify and a template for it. */
function methodsOffered(config: Pick<Config, 'notify' | 'savedJourneys'>): SaveMethodKind[] {
  return [
    ...(config.notify && config.savedJourneys.emailTemplateId ? (['email'] as const) : []),
    ...(config.notify && config.savedJourneys.smsTemplateId ? (['sms'] as const) : []),
    'code',
  ];
}

/** London's calendar date of an instant, as `YYYY-MM-DD`. */
function londonDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Europe/London',
  }).format(at);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Checks the choice and its address; gives the method to save by, or the errors to show. */
function readMethod(
  posted: Record<string, unknown>,
  offered: readonly SaveMethodKind[],
  secret: string,
): { method: SaveMethod; code?: string } | { errors: FieldError[] } {
  const chosen = text(posted.method);
  if (chosen === 'email' && offered.includes('email')) {
    const email = text(posted.email).trim();
    if (email === '')
      return {
        errors: [{ field: 'email', message: saveReturnMessages.emailMissing }],
      };
    if (!isValidEmail(email))
      return {
        errors: [{ field: 'email', message: saveReturnMessages.emailFormat }],
      };
    return {
      method: { kind: 'link', channel: 'email', to: normaliseEmail(email) },
    };
  }
  if (chosen === 'sms' && offered.includes('sms')) {
    const phone = text(posted.phone).trim();
    if (phone === '')
      return {
        errors: [{ field: 'phone', message: saveReturnMessages.phoneMissing }],
      };
    if (!isValidPhoneNumber(phone))
      return {
        errors: [{ field: 'phone', message: saveReturnMessages.phoneFormat }],
      };
    return {
      method: { kind: 'link', channel: 'sms', to: normalisePhoneNumber(phone) },
    };
  }
  if (chosen === 'code') {
    const code = generateReturnCode();
    return {
      method: {
        kind: 'code',
        codeHash: returnCodeHash(normaliseReturnCode(code) ?? code, secret),
      },
      code,
    };
  }
  return {
    errors: [{ field: 'method', message: saveReturnMessages.methodMissing }],
  };
}

/**
 * "Save and come back later": from any question page (its second button posts `_action=save`
 * there, which keeps that page's answers when they are valid and comes here). The answers are kept
 * in `saved_journeys` for a set time; the resident comes back by a one-time link sent by email or
 * text, or by a short code shown here.
 */
export const saveRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, options) => {
  const { config } = options;
  const offered = methodsOffered(config);

  function leftOff(lifeEvent: LifeEventId, from: string | undefined) {
    const journey = getJourney(lifeEvent);
    return (from ? findPageByPath(journey, from) : undefined) ?? firstPage(journey);
  }

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    lifeEvent: LifeEventId,
    from: string,
    values: Record<string, string>,
    errors: FieldError[],
  ) {
    if (errors.length > 0) reply.code(400);
    return reply.page({
      page: 'save-form',
      props: {
        lifeEvent,
        backHref: pagePath(lifeEvent, leftOff(lifeEvent, from).id),
        methods: offered,
        lifetimeDays: config.savedJourneys.lifetimeDays,
        form: {
          action: `/${lifeEvent}/save?from=${encodeURIComponent(from)}`,
          csrfToken: csrfToken(request),
          values,
          errors,
        },
      },
    });
  }

  app.get('/:lifeEvent/save', { schema: { hide: true, params, querystring: query } }, async (request, reply) => {
    const { lifeEvent } = request.params;
    if (!isLifeEventId(lifeEvent)) {
      reply.callNotFound();
      return reply;
    }
    const state = loadJourney(request, lifeEvent);
    if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
    const from = leftOff(lifeEvent, request.query.from).path;
    // Offer the contact details they have already given, so they need not type them again.
    const { email, phone } = state.answers;
    return render(
      request,
      reply,
      lifeEvent,
      from,
      {
        ...(typeof email === 'string' ? { email } : {}),
        ...(typeof phone === 'string' ? { phone } : {}),
      },
      [],
    );
  });

  app.post(
    '/:lifeEvent/save',
    {
      schema: {
        hide: true,
        params,
        querystring: query,
        body: postedFormSchema,
      },
    },
    async (request, reply) => {
      const { lifeEvent } = request.params;
      if (!isLifeEventId(lifeEvent)) {
        reply.callNotFound();
        return reply;
      }
      const state = loadJourney(request, lifeEvent);
      if (state.submitted) return reply.redirect(stepPath.confirmation(lifeEvent), 303);
      const page = leftOff(lifeEvent, request.query.from);
      const read = readMethod(request.body, offered, config.sessionSecret);
      if ('errors' in read) {
        const values = Object.fromEntries(['method', 'email', 'phone'].map((name) => [name, text(request.body[name])]));
        return render(request, reply, lifeEvent, page.path, values, read.errors);
      }
      const expiresAt = new Date(Date.now() + config.savedJourneys.lifetimeDays * 24 * 60 * 60 * 1000);
      const savedId = await createSavedJourney(app.db, app.privacy, {
        lifeEvent,
        pageId: page.id,
        saved: {
          answers: state.answers,
          ...(state.consent ? { consent: state.consent } : {}),
        },
        expiresAt,
        method: read.method,
      });
      // Remembered so that sending the report from this session spends the saved form.
      saveJourney(request, lifeEvent, { ...state, savedForms: [...(state.savedForms ?? []), savedId] });
      request.log.info(
        {
          lifeEvent,
          method: read.method.kind === 'code' ? 'code' : read.method.channel,
        },
        'form saved to come back to',
      );
      return reply.page({
        page: 'saved-form',
        props: {
          lifeEvent,
          expiresOn: londonDate(expiresAt),
          outcome: read.code
            ? { kind: 'code', code: read.code }
            : {
                kind: 'sent',
                channel: read.method.kind === 'link' ? read.method.channel : 'email',
              },
          continueHref: pagePath(lifeEvent, page.id),
        },
      });
    },
  );
};
