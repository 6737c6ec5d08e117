import {
  createSubmissionRequestSchema,
  isLifeEventId,
  type Answers,
  type FieldError,
  type LifeEventId,
} from '@tuo/shared';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import { alsoDoDone } from '@tuo/shared/pages/also-do';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import type { Config } from '../../config.js';
import { spendSavedJourneys } from '../../saved-journeys/saved-journey-repository.js';
import { acceptSubmission } from '../../submissions/accept-submission.js';
import { requestHash } from '../../submissions/request-hash.js';
import { journeyCouncils } from './confirmed-councils.js';
import { servingCouncilArea } from '../../organisations/directory-reads.js';
import { csrfToken } from './csrf.js';
import { loadJourney, saveJourney, type JourneyState } from './journey-session.js';
import { firstIncompletePage, stepPath } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string() });
const declarationError: FieldError = { field: 'declaration', message: pageMessages.declaration };

/** Where a resident who cannot make the declaration yet should be; undefined when they can. */
function notReady(lifeEvent: LifeEventId, state: JourneyState): string | undefined {
  if (state.submitted) return stepPath.confirmation(lifeEvent);
  return firstIncompletePage(lifeEvent, state.answers) ?? (state.consent ? undefined : stepPath.whoToTell(lifeEvent));
}

/**
 * The channels a confirmation will really go out on: the resident gave the address and GOV.UK
 * Notify has a template for it. Otherwise the message is only recorded, so the page must not say "sent".
 */
function messagedBy(config: Pick<Config, 'notify'>, answers: Readonly<Answers>): ('email' | 'sms')[] {
  const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return [
    ...(config.notify?.emailTemplateId && given(answers.email) ? (['email'] as const) : []),
    ...(config.notify?.smsTemplateId && given(answers.phone) ? (['sms'] as const) : []),
  ];
}

/** The declaration and send, then the confirmation (confirmation-routes.ts). Sending goes through the same code path as the API. */
export const declarationRoutes: FastifyPluginAsyncZod<{
  config: Pick<Config, 'notify'>;
  addressLookup: AddressLookup;
}> = async (app, { config, addressLookup }) => {
  const render = (lifeEvent: LifeEventId, state: JourneyState, errors: FieldError[], token: string) => ({
    page: 'declaration' as const,
    props: {
      lifeEvent,
      agencies: state.consent?.chosen ?? [],
      backHref: stepPath.whoToTell(lifeEvent),
      form: { action: stepPath.declaration(lifeEvent), csrfToken: token, values: {}, errors },
    },
  });

  app.get('/:lifeEvent/declaration', { schema: { hide: true, params } }, async (request, reply) => {
    const { lifeEvent } = request.params;
    if (!isLifeEventId(lifeEvent)) {
      reply.callNotFound();
      return reply;
    }
    const state = loadJourney(request, lifeEvent);
    const elsewhere = notReady(lifeEvent, state);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    return reply.page(render(lifeEvent, state, [], csrfToken(request)));
  });

  app.post(
    '/:lifeEvent/declaration',
    { schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const { lifeEvent } = request.params;
      if (!isLifeEventId(lifeEvent)) {
        reply.callNotFound();
        return reply;
      }
      const state = loadJourney(request, lifeEvent);
      const elsewhere = notReady(lifeEvent, state);
      if (elsewhere) return reply.redirect(elsewhere, 303);
      // The resident online, or an adviser signed in to the staff console acting for them, who
      // declares that the resident agreed to the declaration as the adviser read it to them.
      const origin = await app.submissionOrigin(request);
      if (request.body.declaration !== (origin.assisted ? 'heard-from-resident' : 'confirmed'))
        return reply.code(400).page(render(lifeEvent, state, [declarationError], csrfToken(request)));
      const parsed = createSubmissionRequestSchema.safeParse({
        lifeEvent,
        answers: state.answers,
        consent: state.consent?.chosen ?? [],
        channel: origin.channel,
        language: request.language,
      });
      // Answers that were fine a moment ago can fail now (a date rule crossing midnight): show them again.
      if (!parsed.success) return reply.redirect(stepPath.checkAnswers(lifeEvent), 303);
      // The council of each address: the look-up's, or the one the resident confirmed (never silently
      // the fallback). Jobcentre Plus goes by the home council's area, told or not (directory-reads.ts).
      const tellsCouncil = parsed.data.consent.includes('council');
      const councils =
        tellsCouncil || parsed.data.consent.some((kind) => servingCouncilArea.includes(kind))
          ? await journeyCouncils(app.db, addressLookup, lifeEvent, state)
          : undefined;
      if (tellsCouncil && councils?.unknown[0])
        return reply.redirect(stepPath.whichCouncil(lifeEvent, councils.unknown[0]), 303);
      const submission = councils
        ? {
            ...parsed.data,
            organisations: { ...councils.choices.chosen, ...parsed.data.organisations },
            organisationsLeft: { ...councils.choices.left },
          }
        : parsed.data;
      const { response } = await acceptSubmission(app.db, submission, {
        writer: app.submissionWriter,
        actor: origin.actor,
        privacy: app.privacy,
        trust: app.trust.forRequest(request),
        ...(origin.assisted ? { assisted: { ...origin.assisted, declaration: 'heard-from-resident' as const } } : {}),
        idempotency: { key: `journey:${state.idempotencyKey}`, requestHash: requestHash(parsed.data) },
      });
      // A saved form of this journey must not bring the same report back to send again.
      await spendSavedJourneys(app.db, state.savedForms ?? [], response.reference);
      // Sent: the answers are with the agencies now, so the session forgets them.
      saveJourney(request, lifeEvent, {
        answers: {},
        idempotencyKey: state.idempotencyKey,
        submitted: {
          ...response,
          messagedBy: messagedBy(config, state.answers),
          alsoDoDone: alsoDoDone(lifeEvent, parsed.data.answers),
        },
      });
      return reply.redirect(stepPath.confirmation(lifeEvent), 303);
    },
  );
};
