import { toFieldErrors } from '@tuo/shared';
import type { FieldError } from '@tuo/shared/api/field-errors';
import { rejectCheckRequestSchema, releaseCheckRequestSchema } from '@tuo/shared/api/needs-checking';
import { roleAtLeast } from '@tuo/shared/api/staff-session';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rejectAfterCheck, releaseAfterCheck } from '../../../checking/check-decisions.js';
import { listNeedsChecking } from '../../../checking/needs-checking.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { auditStaff, signedIn, staffActor } from '../staff-access.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const done = z.enum(['released', 'still-held', 'rejected']);
const params = z.object({ id: z.uuid() });
const checkPath = (id: string) => `/staff/needs-checking/${id}`;

/** One held notification's page: who it waits for, and the supervisor's release and reject forms. */
async function renderCheck(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  extra: { values?: FormValues; errors?: FieldError[] } = {},
) {
  const { db, trust } = request.server;
  const [item] = await listNeedsChecking(db, trust.minimums, { deliveryId: id });
  // Released or rejected meanwhile (by someone else, perhaps): the queue shows how things stand.
  if (!item) return reply.redirect('/staff/needs-checking', 303);
  const others = (await listNeedsChecking(db, trust.minimums, { submissionId: item.submissionId })).filter(
    (other) => other.id !== item.id,
  );
  await auditStaff(request, {
    action: 'staff.needs-checking.item-viewed',
    submissionId: item.submissionId,
    detail: { delivery: item.id },
  });
  const errors = extra.errors ?? [];
  return renderStaffPage(reply.code(errors.length > 0 ? 400 : 200), {
    view: 'check',
    nav: staffNav(request),
    item: withoutSubmissionId(item),
    others: others.map(withoutSubmissionId),
    canDecide: roleAtLeast(signedIn(request).role, 'supervisor'),
    form: {
      action: `${checkPath(item.id)}/release`,
      csrfToken: staffCsrfToken(request),
      values: extra.values ?? {},
      errors,
    },
  });
}

const withoutSubmissionId = <T extends { submissionId: string }>({ submissionId: _id, ...item }: T) => item;

/** The submission a held delivery belongs to, while it is still held for a check. */
async function heldSubmission(request: FastifyRequest, id: string): Promise<string | undefined> {
  const [item] = await listNeedsChecking(request.server.db, request.server.trust.minimums, { deliveryId: id });
  return item?.submissionId;
}

/**
 * The "Needs checking" queue: notifications held because their report's level is below their
 * organisation's minimum. Advisers and up see it; supervisors record a check (releasing what it
 * raises to the minimum) or reject one (cancelled, with a reason). Every view and decision is audited.
 */
export const needsCheckingPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/needs-checking',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, querystring: z.object({ done: done.optional() }) } },
    async (request, reply) => {
      const items = await listNeedsChecking(app.db, app.trust.minimums);
      await auditStaff(request, {
        action: 'staff.needs-checking.viewed',
        detail: { deliveries: items.map((i) => i.id) },
      });
      return renderStaffPage(reply, {
        view: 'needs-checking',
        nav: staffNav(request),
        items: items.map(withoutSubmissionId),
        done: request.query.done ?? null,
      });
    },
  );

  app.get(
    '/staff/needs-checking/:id',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, params } },
    async (request, reply) => renderCheck(request, reply, request.params.id),
  );

  app.post(
    '/staff/needs-checking/:id/release',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = releaseCheckRequestSchema.safeParse({
        kind: text(request.body, 'kind') || undefined,
        note: text(request.body, 'note'),
      });
      if (!parsed.success)
        return renderCheck(request, reply, request.params.id, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const submissionId = await heldSubmission(request, request.params.id);
      if (!submissionId) return reply.redirect('/staff/needs-checking', 303);
      const outcome = await releaseAfterCheck(app.db, app.trust.minimums, {
        submissionId,
        ...parsed.data,
        actor: staffActor(request),
      });
      if (!outcome.done) return reply.redirect('/staff/needs-checking', 303);
      return reply.redirect(
        `/staff/needs-checking?done=${outcome.stillHeld.length > 0 ? 'still-held' : 'released'}`,
        303,
      );
    },
  );

  app.post(
    '/staff/needs-checking/:id/reject',
    { config: { staffAccess: 'supervisor' }, schema: { hide: true, params, body: postedFormSchema } },
    async (request, reply) => {
      const parsed = rejectCheckRequestSchema.safeParse({ reason: text(request.body, 'reason') });
      if (!parsed.success)
        return renderCheck(request, reply, request.params.id, {
          values: formValues(request.body),
          errors: toFieldErrors(parsed.error.issues),
        });
      const submissionId = await heldSubmission(request, request.params.id);
      if (!submissionId) return reply.redirect('/staff/needs-checking', 303);
      const rejected = await rejectAfterCheck(app.db, {
        deliveryId: request.params.id,
        submissionId,
        reason: parsed.data.reason,
        actor: staffActor(request),
      });
      return reply.redirect(rejected ? '/staff/needs-checking?done=rejected' : '/staff/needs-checking', 303);
    },
  );
};
