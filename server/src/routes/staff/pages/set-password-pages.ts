import { staffRoles } from '@tuo/shared/api/staff-session';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountLinkFor, setPasswordByLink } from '../../../console/account-links.js';
import { staffCsrfToken } from '../../../console/csrf.js';
import { text } from '../../../console/posted-fields.js';
import { postedFormSchema } from '../../journeys/posted-form.js';
import { renderStaffPage } from './staff-page.js';

/** A new password: long enough to resist guessing, short enough to hash. */
const newPasswordSchema = z
  .object({
    password: z
      .string()
      .min(1, { error: 'Enter a new password' })
      .min(12, { error: 'Your password must be at least 12 characters' })
      .max(1000, { error: 'Your password must be 1000 characters or fewer' }),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    error: 'Enter the same password in both boxes',
  });

const expired = (reply: FastifyReply) =>
  renderStaffPage(reply.code(410), {
    view: 'message',
    message: 'link-expired',
    nav: null,
  });

/**
 * Setting a password through a one-time link (an invitation or a reset): public, since nobody is
 * signed in; the link's token is the proof, carried in the form. Nothing is said about an account
 * whose link is unknown, used or expired.
 */
export const setPasswordPages: FastifyPluginAsyncZod = async (app) => {
  const form = async (request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldError[]) => {
    const link = await accountLinkFor(app.db, token, staffRoles);
    if (!link) return expired(reply);
    return renderStaffPage(reply, {
      view: 'set-password',
      form: { action: '/staff/set-password', csrfToken: staffCsrfToken(request), values: { token }, errors },
      email: link.email,
      purpose: link.purpose,
    });
  };

  app.get(
    '/staff/set-password',
    {
      config: { staffAccess: 'public' },
      schema: { hide: true, querystring: z.object({ token: z.string().max(100).default('') }) },
    },
    (request, reply) => form(request, reply, request.query.token, []),
  );

  app.post(
    '/staff/set-password',
    {
      config: { staffAccess: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { hide: true, body: postedFormSchema },
    },
    async (request, reply) => {
      const token = text(request.body, 'token');
      const parsed = newPasswordSchema.safeParse({
        password: text(request.body, 'password'),
        confirm: text(request.body, 'confirm'),
      });
      if (!parsed.success) {
        const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
        return form(request, reply.code(400), token, errors);
      }
      const set = await setPasswordByLink(app.db, token, parsed.data.password, staffRoles, {
        type: 'staff',
        address: request.ip,
      });
      if (!set) return expired(reply);
      return renderStaffPage(reply, { view: 'message', message: 'password-set', nav: null });
    },
  );
};
