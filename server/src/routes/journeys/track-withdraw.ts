import { normaliseReference, type FieldError } from '@tuo/shared';
import { withdrawalReasonSchema } from '@tuo/shared/api/withdrawals';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withdrawSubmission } from '../../withdrawals/withdraw-submission.js';
import { isTracked } from './track-chase.js';
import { postedFormSchema } from './posted-form.js';

type RenderTrack = (
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  withdrawal: { values: FormValues; errors: FieldError[] },
) => Promise<FastifyReply>;

/**
 * "Withdraw this report" on the tracking page: a plain form, only for a reference this session
 * unlocked with its tracking code (as chasing is). Then back to the tracking page (post, redirect,
 * get), which says it was withdrawn; the services are told by the withdrawal itself.
 */
export function trackWithdrawRoutes(renderTrack: RenderTrack): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/track/withdraw',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { hide: true, body: postedFormSchema } },
      async (request, reply) => {
        const field = (name: string) => {
          const value = request.body[name];
          return typeof value === 'string' ? value : '';
        };
        const reference = normaliseReference(field('reference'));
        if (!isTracked(request, reference)) return reply.redirect('/track', 303);
        const reason = withdrawalReasonSchema.safeParse(field('reason'));
        if (!reason.success) {
          reply.code(400);
          return renderTrack(request, reply, reference, {
            values: { reason: field('reason') },
            errors: [{ field: 'reason', message: reason.error.issues[0]?.message ?? 'Check this' }],
          });
        }
        const row = await app.db
          .selectFrom('submissions')
          .select('id')
          .where('reference', '=', reference)
          .executeTakeFirst();
        if (!row) return reply.redirect('/track', 303);
        await withdrawSubmission(app.db, {
          submissionId: row.id,
          by: 'resident',
          reason: reason.data,
          actor: { type: 'resident' },
        });
        return reply.redirect(`/track?reference=${encodeURIComponent(reference)}`, 303);
      },
    );
  };
}
