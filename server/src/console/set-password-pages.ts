import type { AccountRole } from '@tuo/shared/api/account-admin';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { SetPasswordProps } from '@tuo/shared/pages/account-page-model';
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../audit/audit-log.js';
import { postedFormSchema } from '../routes/journeys/posted-form.js';
import { accountLinkFor, setPasswordByLink } from './account-links.js';
import { staffCsrfToken } from './csrf.js';
import { text } from './posted-fields.js';

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

/** Where one console's people set a password through a one-time link, and how its pages render. */
export interface SetPasswordConsole {
  /** `/staff/set-password` or `/agency/set-password`. */
  path: string;
  /** The route config that makes the pages public in the console's scope. */
  access: FastifyContextConfig;
  /** The console's roles: a link of another console's account never works here. */
  roles: readonly AccountRole[];
  actorType: Actor['type'];
  render: (reply: FastifyReply, props: SetPasswordProps) => Promise<FastifyReply>;
  /** The link is unknown, used or expired (410), or the password is set (200). */
  message: (reply: FastifyReply, message: 'link-expired' | 'password-set') => Promise<FastifyReply>;
}

/**
 * Setting a password through a one-time link (an invitation or a reset), for either console:
 * public, since nobody is signed in; the link's token is the proof, carried in the form. Nothing
 * is said about an account whose link is unknown, used or expired.
 */
export const setPasswordPages: FastifyPluginAsyncZod<{ on: SetPasswordConsole }> = async (app, { on }) => {
  const form = async (request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldError[]) => {
    const link = await accountLinkFor(app.db, token, on.roles);
    if (!link) return on.message(reply.code(410), 'link-expired');
    return on.render(reply, {
      view: 'set-password',
      form: { action: on.path, csrfToken: staffCsrfToken(request), values: { token }, errors },
      email: link.email,
      purpose: link.purpose,
    });
  };

  app.get(
    on.path,
    {
      config: on.access,
      schema: { hide: true, querystring: z.object({ token: z.string().max(100).default('') }) },
    },
    (request, reply) => form(request, reply, request.query.token, []),
  );

  app.post(
    on.path,
    {
      config: { ...on.access, rateLimit: { max: 30, timeWindow: '1 minute' } },
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
      const set = await setPasswordByLink(app.db, token, parsed.data.password, on.roles, {
        type: on.actorType,
        address: request.ip,
      });
      if (!set) return on.message(reply.code(410), 'link-expired');
      return on.message(reply, 'password-set');
    },
  );
};
