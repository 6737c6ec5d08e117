import { toFieldErrors } from '@tuo/shared';
import { startAssistedRequestSchema } from '@tuo/shared/api/staff-session';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forgetResidentJourney } from '../../../staff/fresh-resident-journey.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { endAssisted, startAssisted } from '../staff-actions.js';
import type { StaffScopeOptions } from '../staff-scope-options.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

function render(request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FieldError[]) {
  return renderStaffPage(reply, {
    view: 'assisted',
    nav: staffNav(request),
    form: { action: '/staff/assisted', csrfToken: staffCsrfToken(request), values, errors },
  });
}

/**
 * Starting an assisted transaction: the adviser records how they are helping, the identity checks
 * made and the resident's consent, then runs the residents' own journeys from `/start`.
 */
export const assistedPages: FastifyPluginAsyncZod<StaffScopeOptions> = async (app, options) => {
  app.get('/staff/assisted', { config: { staffAccess: 'adviser' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, {}, []),
  );

  app.post(
    '/staff/assisted',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      const checks = [request.body.identityChecks ?? []].flat();
      const parsed = startAssistedRequestSchema.safeParse({
        mode: text(request.body, 'mode') || undefined,
        identityChecks: checks,
        consentConfirmed: text(request.body, 'consentConfirmed') === 'yes' ? true : undefined,
      });
      if (!parsed.success)
        return render(request, reply.code(400), formValues(request.body), toFieldErrors(parsed.error.issues));
      await forgetResidentJourney(request, reply, options);
      await startAssisted(request, parsed.data);
      return reply.redirect('/start', 303);
    },
  );

  app.post(
    '/staff/assisted/end',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => {
      await forgetResidentJourney(request, reply, options);
      await endAssisted(request);
      return reply.redirect('/staff/dashboard', 303);
    },
  );
};
