import { isLifeEventId, type AgencyKind, type FieldError, type LifeEventId } from '@tuo/shared';
import type { ConfirmationProps } from '@tuo/shared/pages/page-model';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findSubmissionStatus } from '../../db/submission-status.js';
import { confirmSubmission, sendNewCode } from '../../submissions/confirm-submission.js';
import { TooManyCodesError } from '../../submissions/confirmation-codes.js';
import { csrfToken } from './csrf.js';
import { loadJourney, saveJourney, type JourneyState } from './journey-session.js';
import { stepPath } from './journey-progress.js';
import { postedFormSchema } from './posted-form.js';

const params = z.object({ lifeEvent: z.string() });
const confirmPath = (lifeEvent: LifeEventId) => stepPath.confirmation(lifeEvent);

type Submitted = NonNullable<JourneyState['submitted']>;

/**
 * After the declaration: while the report waits for its code, the code form (the trial code shown
 * only on a trial install); once confirmed, what happens next. The session that sent the report
 * confirms it, through the same code as `POST /api/submissions/{reference}/confirmation`.
 */
export const confirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    lifeEvent: LifeEventId,
    state: JourneyState & { submitted: Submitted },
    extra: { errors?: FieldError[]; code?: string } = {},
  ) {
    const { submitted } = state;
    const found = await findSubmissionStatus(app.db, submitted.reference);
    const awaiting = found?.status.confirmation === 'awaiting';
    const awaitingCheck: AgencyKind[] = (found?.status.agencies ?? [])
      .filter((row) => row.status === 'held' && row.heldFor === 'check')
      .map((row) => row.agency);
    // The tracking secret unlocks the status page, so it does not stay in the session for long: it is
    // shown on every view while the report waits for its code (a mistyped code must not lose it, and
    // nothing else has given it to the resident yet), and once more when confirmed, then forgotten.
    saveJourney(request, lifeEvent, {
      ...state,
      submitted: { ...submitted, trackingSecret: awaiting ? submitted.trackingSecret : null, newCodeSent: false },
    });
    const errors = extra.errors ?? [];
    if (errors.length > 0) reply.code(400);
    const props: ConfirmationProps = {
      lifeEvent,
      reference: submitted.reference,
      trackingSecret: submitted.trackingSecret,
      agencies: submitted.agencies,
      messagedBy: submitted.messagedBy ?? [],
      alsoDoDone: submitted.alsoDoDone ?? [],
      awaitingCheck,
      confirm: awaiting
        ? {
            sentTo: submitted.confirmation?.codeSentTo ?? null,
            trialCode: submitted.confirmation?.trialCode ?? null,
            newCodeAction: `${confirmPath(lifeEvent)}/new-code`,
            newCodeSent: submitted.newCodeSent ?? false,
            form: {
              action: confirmPath(lifeEvent),
              csrfToken: csrfToken(request),
              values: extra.code === undefined ? {} : { code: extra.code },
              errors,
            },
          }
        : null,
    };
    return reply.page({
      page: 'confirmation',
      props,
    });
  }

  /** The journey, if it has been sent; otherwise a redirect to check the answers. */
  function sent(request: FastifyRequest, lifeEvent: LifeEventId) {
    const state = loadJourney(request, lifeEvent);
    return state.submitted ? { ...state, submitted: state.submitted } : undefined;
  }

  /**
   * What both code-form posts (the code, a new code) act on: the sent journey and its report. When
   * there is none, the reply is given here (not found for an unknown life event, otherwise back to
   * check the answers) and the handler returns it.
   */
  async function sentReport(request: FastifyRequest<{ Params: z.infer<typeof params> }>, reply: FastifyReply) {
    const { lifeEvent } = request.params;
    if (!isLifeEventId(lifeEvent)) {
      reply.callNotFound();
      return undefined;
    }
    const state = sent(request, lifeEvent);
    const found = state ? await findSubmissionStatus(app.db, state.submitted.reference) : undefined;
    if (!state || !found) {
      await reply.redirect(stepPath.checkAnswers(lifeEvent), 303);
      return undefined;
    }
    return { lifeEvent, state, found };
  }

  app.get('/:lifeEvent/confirmation', { schema: { hide: true, params } }, async (request, reply) => {
    const { lifeEvent } = request.params;
    if (!isLifeEventId(lifeEvent)) {
      reply.callNotFound();
      return reply;
    }
    const state = sent(request, lifeEvent);
    if (!state) return reply.redirect(stepPath.checkAnswers(lifeEvent), 303);
    return render(request, reply, lifeEvent, state);
  });

  type CodeFormRequest = FastifyRequest<{ Params: z.infer<typeof params>; Body: z.infer<typeof postedFormSchema> }>;
  type SentReport = NonNullable<Awaited<ReturnType<typeof sentReport>>>;

  /** The code typed: checked, and the report confirmed if it is right. */
  async function confirmCode(request: CodeFormRequest, reply: FastifyReply, { lifeEvent, state, found }: SentReport) {
    const typed = typeof request.body.code === 'string' ? request.body.code.replace(/\s/g, '') : '';
    const error = (message: string) =>
      render(request, reply, lifeEvent, state, { errors: [{ field: 'code', message }], code: typed });
    if (typed === '') return error(pageMessages.confirmCodeMissing);
    if (!/^\d{6}$/.test(typed)) return error(pageMessages.confirmCodeFormat);
    const result = await confirmSubmission(app.db, found.id, typed, {
      codes: app.trust.codes,
      minimums: app.trust.minimums,
      actor: { type: 'resident' },
    });
    if (result.outcome === 'wrong') return error(pageMessages.confirmCodeWrong);
    if (result.outcome === 'new-code-needed') return error(pageMessages.confirmCodeNewNeeded);
    return reply.redirect(confirmPath(lifeEvent), 303);
  }

  /** "Send a new code", unless too many have been sent. */
  async function sendAnotherCode(
    request: CodeFormRequest,
    reply: FastifyReply,
    { lifeEvent, state, found }: SentReport,
  ) {
    try {
      const newCode = await sendNewCode(app.db, found.id, {
        codes: app.trust.codes,
        privacy: app.privacy,
        address: request.ip,
        showCodeOnPage: app.trust.showCodeOnPage,
        actor: { type: 'resident' },
      });
      if (newCode) {
        const confirmation = {
          status: 'awaiting' as const,
          codeSentTo: newCode.sentTo,
          ...(newCode.trialCode ? { trialCode: newCode.trialCode } : {}),
        };
        saveJourney(request, lifeEvent, {
          ...state,
          submitted: { ...state.submitted, confirmation, newCodeSent: true },
        });
      }
    } catch (failure) {
      if (!(failure instanceof TooManyCodesError)) throw failure;
      return render(request, reply, lifeEvent, state, {
        errors: [{ field: 'code', message: pageMessages.confirmTooManyCodes }],
      });
    }
    return reply.redirect(confirmPath(lifeEvent), 303);
  }

  // The code form's two buttons post to one handler, each with its own action and rate limit.
  const codeFormPosts = [
    { path: '/:lifeEvent/confirmation', max: 30, act: confirmCode },
    { path: '/:lifeEvent/confirmation/new-code', max: 10, act: sendAnotherCode },
  ];
  for (const { path, max, act } of codeFormPosts) {
    app.post(
      path,
      {
        config: { rateLimit: { max, timeWindow: '1 minute' } },
        schema: { hide: true, params, body: postedFormSchema },
      },
      async (request, reply) => {
        const report = await sentReport(request, reply);
        return report ? act(request, reply, report) : reply;
      },
    );
  }
};
