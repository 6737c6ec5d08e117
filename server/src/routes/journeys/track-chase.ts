import { agencyKinds, deliveryKey, normaliseReference, parseDeliveryKey, type FieldError } from '@tuo/shared';
import { chaseNoteSchema } from '@tuo/shared/api/chase-requests';
import type { TrackChase } from '@tuo/shared/pages/track-chase-model';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { loadTrackChase, requestChase, type ChaseDeps } from '../../service-levels/chase-requests.js';
import { englandAndWales } from '../../service-levels/working-days.js';
import { csrfToken } from './csrf.js';
import { postedFormSchema } from './posted-form.js';

declare module 'fastify' {
  interface Session {
    /** References this session has unlocked with their tracking code, so it can chase them and come back to them. */
    trackedReferences?: string[];
  }
}

/** What the tracking page's chase forms need from configuration. */
export type ChaseConfig = Pick<Config, 'serviceLevels' | 'chaseRequestsPerDay'>;

const remembered = 10;

/** Notes that this session has shown the reference's progress (the tracking code matched). */
export function rememberTracked(request: FastifyRequest, reference: string): void {
  const known = request.session.get('trackedReferences') ?? [];
  if (!known.includes(reference)) request.session.set('trackedReferences', [reference, ...known].slice(0, remembered));
}

/** True when this session unlocked the reference with its tracking code. */
export function isTracked(request: FastifyRequest, reference: string): boolean {
  return (request.session.get('trackedReferences') ?? []).includes(normaliseReference(reference));
}

function chaseDeps(request: FastifyRequest, config: ChaseConfig): ChaseDeps {
  return {
    serviceLevels: config.serviceLevels,
    calendar: englandAndWales,
    now: request.server.now(),
    perDay: config.chaseRequestsPerDay,
  };
}

/** The chase part of the tracking page for a reference the session has unlocked. */
export async function trackChaseProps(
  request: FastifyRequest,
  config: ChaseConfig,
  reference: string,
  extra: { values?: FormValues; errors?: FieldError[]; requested?: string | null } = {},
): Promise<TrackChase | null> {
  const submission = await request.server.db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!submission) return null;
  return {
    form: {
      action: '/track/chase',
      csrfToken: csrfToken(request),
      values: { reference, ...extra.values },
      errors: extra.errors ?? [],
    },
    agencies: await loadTrackChase(request.server.db, submission.id, chaseDeps(request, config)),
    requested: extra.requested ?? null,
  };
}

type RenderTrack = (
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  extra: { values: FormValues; errors: FieldError[] },
) => Promise<FastifyReply>;

/**
 * "Ask us to chase this": one plain form per agency on the tracking page, shown once a target has
 * passed. Only for a reference this session unlocked with its tracking code; then back to the
 * tracking page (post, redirect, get), which shows the request and later its outcome.
 */
export function trackChaseRoutes(renderTrack: RenderTrack): FastifyPluginAsyncZod<{ config: ChaseConfig }> {
  return async (app, { config }) => {
    app.post(
      '/track/chase',
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { hide: true, body: postedFormSchema } },
      async (request, reply) => {
        const field = (name: string) => (typeof request.body[name] === 'string' ? request.body[name] : '');
        const reference = normaliseReference(field('reference'));
        // Which notification: its kind, and its role when a move told two councils.
        const chosen = parseDeliveryKey(agencyKinds, field('agency'));
        if (!isTracked(request, reference)) return reply.redirect('/track', 303);
        const back = `/track?reference=${encodeURIComponent(reference)}`;
        if (!chosen) return reply.redirect(back, 303);
        const key = deliveryKey(chosen.agency, chosen.role);
        const noteField = `note-${key}`;
        const note = chaseNoteSchema.safeParse(field(noteField));
        const values = { agency: key, [noteField]: field(noteField) };
        if (!note.success) {
          reply.code(400);
          return renderTrack(request, reply, reference, {
            values,
            errors: [{ field: noteField, message: pageMessages.chaseNoteTooLong }],
          });
        }
        const row = await app.db
          .selectFrom('submissions')
          .select('id')
          .where('reference', '=', reference)
          .executeTakeFirst();
        if (!row) return reply.redirect('/track', 303);
        const result = await requestChase(
          app.db,
          { submissionId: row.id, agency: chosen.agency, role: chosen.role, note: note.data },
          chaseDeps(request, config),
        );
        if (!result.ok && result.reason === 'limit') {
          reply.code(429);
          return renderTrack(request, reply, reference, {
            values,
            errors: [{ field: noteField, message: pageMessages.chaseLimitReached }],
          });
        }
        // Asked already, or no longer overdue: the page shows how things now stand.
        return reply.redirect(result.ok ? `${back}&requested=${key}` : back, 303);
      },
    );
  };
}
