import { isRealDate, toFieldErrors } from '@tuo/shared';
import { searchQuerySchema } from '@tuo/shared/api/staff-submissions';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { dashboardAudited, searchAudited } from '../staff-actions.js';
import { formValues, text } from '../../../console/posted-fields.js';
import { renderStaffPage, staffNav } from './staff-page.js';

const searchQuery = z.record(z.string(), z.string().max(100));

/** The date of birth boxes as `YYYY-MM-DD`; undefined when all are empty; an error when not a real date. */
function dateOfBirth(form: PostedForm): { iso?: string; error?: FieldError } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(form, `dateOfBirth.${part}`).trim());
  if (!day && !month && !year) return {};
  const [d, m, y] = [day, month, year].map(Number);
  if (!/^\d{4}$/.test(year ?? '') || !isRealDate(y ?? NaN, m ?? NaN, d ?? NaN))
    return { error: { field: 'dateOfBirth', message: 'Date of birth must be a real date, like 27 3 1985' } };
  return { iso: `${year ?? ''}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The dashboard and search pages. */
export const consolePages: FastifyPluginAsyncZod = async (app) => {
  app.get('/staff', { config: { staffAccess: 'adviser' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/staff/dashboard', 303),
  );

  app.get('/staff/dashboard', { config: { staffAccess: 'adviser' }, schema: { hide: true } }, async (request, reply) =>
    renderStaffPage(reply, {
      view: 'dashboard',
      nav: staffNav(request),
      dashboard: await dashboardAudited(request),
    }),
  );

  // A POST form: what staff search by (a date of birth, an NHS or NI number) must not sit in
  // addresses, where browser history and proxies' logs would keep it. A GET with the same fields
  // still works (links from elsewhere in the console), but the form never makes one.
  app.get(
    '/staff/search',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, querystring: searchQuery } },
    async (request, reply) => searchPage(request, reply, request.query),
  );
  app.post(
    '/staff/search',
    { config: { staffAccess: 'adviser' }, schema: { hide: true, body: postedFormSchema } },
    async (request, reply) => searchPage(request, reply, request.body),
  );
};

async function searchPage(request: FastifyRequest, reply: FastifyReply, fields: PostedForm) {
  const nav = staffNav(request);
  const form = {
    action: '/staff/search',
    csrfToken: nav.csrfToken,
    values: formValues(fields),
    errors: [] as FieldError[],
  };
  const given = (name: string) => text(fields, name).trim() || undefined;
  const dob = dateOfBirth(fields);
  const candidate = {
    reference: given('reference'),
    name: given('name'),
    postcode: given('postcode'),
    dateOfBirth: dob.iso,
    nhsNumber: given('nhsNumber'),
    niNumber: given('niNumber'),
  };
  // Only a first visit shows the empty form quietly: a search sent empty says what to enter.
  const sent = Object.keys(fields).some((name) => name !== '_csrf');
  if (!sent) {
    return renderStaffPage(reply, { view: 'search', nav, form, results: null });
  }
  const parsed = searchQuerySchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)),
  );
  const errors = [...(dob.error ? [dob.error] : []), ...(parsed.success ? [] : toFieldErrors(parsed.error.issues))];
  if (errors.length > 0 || !parsed.success)
    return renderStaffPage(reply.code(400), {
      view: 'search',
      nav,
      form: { ...form, errors },
      results: null,
    });
  return renderStaffPage(reply, {
    view: 'search',
    nav,
    form,
    results: await searchAudited(request, parsed.data),
  });
}
