import { problemSchema } from '@tuo/shared/api/problem';
import { eraseRequestSchema, eraseResponseSchema, subjectAccessExportSchema } from '@tuo/shared/api/subject-access';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../errors.js';
import { eraseEarly, exportAudited, exportFileName } from './privacy-actions.js';
import { staffSecurity } from './staff-access.js';

const tags = ['admin'];
const params = z.object({ reference: z.string().max(40) });
const refusals = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Subject access and early erasure, for admins only; both audited. */
export const privacyApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/submissions/:reference/export',
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary:
          'Everything held about a submission (subject access): answers, consent, deliveries with payloads and events, case notes and audit events',
        security: staffSecurity,
        params,
        response: { 200: subjectAccessExportSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const exported = await exportAudited(request, request.params.reference, 'json');
      if (!exported) throw new NotFoundError('There is no submission with this reference.');
      void reply.header(
        'content-disposition',
        `attachment; filename="${exportFileName(exported.submission.reference)}"`,
      );
      return exported;
    },
  );

  app.post(
    '/api/admin/submissions/:reference/erase',
    {
      config: { staffAccess: 'admin' },
      schema: {
        tags,
        summary:
          "Erase a submission's personal data now, before its retention time (the reason is kept with the skeleton)",
        security: staffSecurity,
        params,
        body: eraseRequestSchema,
        response: { 200: eraseResponseSchema, 400: problemSchema, 409: problemSchema, ...refusals },
      },
    },
    async (request) => {
      const result = await eraseEarly(request, request.params.reference, request.body.reason);
      if (!result.done) {
        if (result.reason === 'not_found') throw new NotFoundError('There is no submission with this reference.');
        throw new ConflictError('already_erased', "This submission's personal data has already been erased.");
      }
      return { reference: result.reference, answersErasedAt: result.answersErasedAt.toISOString() };
    },
  );
};
