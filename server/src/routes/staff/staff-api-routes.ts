import { normaliseReference } from '@tuo/shared';
import { problemSchema } from '@tuo/shared/api/problem';
import { dashboardSchema } from '@tuo/shared/api/staff-dashboard';
import {
  caseNoteRequestSchema,
  caseNoteSchema,
  searchQuerySchema,
  searchResponseSchema,
  submissionViewSchema,
} from '@tuo/shared/api/staff-submissions';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import { addCaseNote, listCaseNotes } from '../../staff/case-notes.js';
import { dashboardAudited, searchAudited, viewSubmissionAudited } from './staff-actions.js';
import { staffActor, staffSecurity } from './staff-access.js';

const tags = ['staff'];
const refusals = { 401: problemSchema, 403: problemSchema };
const referenceParams = z.object({ reference: z.string().max(40) });

/** Search, one submission's whole story, case notes and the dashboard: for every adviser, every read audited. */
export const staffApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/staff/search',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary:
          'Find submissions by reference, name, date of birth, postcode, NHS or NI number (partial, any case; all given must match; prefer POST for identifiers)',
        security: staffSecurity,
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema, 400: problemSchema, ...refusals },
      },
    },
    async (request) => ({ results: await searchAudited(request, request.query) }),
  );

  // The same search with its terms in the body: a date of birth or an NHS or NI number in a URL
  // would stay in proxies' and servers' access logs. Searching changes nothing, but as a POST it
  // carries the session's token like every other.
  app.post(
    '/api/staff/search',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary: 'Find submissions, with the terms in the body (use this for dates of birth, NHS and NI numbers)',
        security: staffSecurity,
        body: searchQuerySchema,
        response: { 200: searchResponseSchema, 400: problemSchema, ...refusals },
      },
    },
    async (request) => ({ results: await searchAudited(request, request.body) }),
  );

  app.get(
    '/api/staff/submissions/:reference',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary: "One submission: the answers, each agency's delivery with every attempt, and case notes",
        security: staffSecurity,
        params: referenceParams,
        response: { 200: submissionViewSchema, 404: problemSchema, ...refusals },
      },
    },
    async (request) => {
      const found = await viewSubmissionAudited(request, request.params.reference);
      if (!found) throw new NotFoundError('There is no submission with this reference.');
      return found.view;
    },
  );

  app.post(
    '/api/staff/submissions/:reference/notes',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary: 'Add a case note',
        security: staffSecurity,
        params: referenceParams,
        body: caseNoteRequestSchema,
        response: { 201: z.array(caseNoteSchema), 400: problemSchema, 404: problemSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const submission = await app.db
        .selectFrom('submissions')
        .select('id')
        .where('reference', '=', normaliseReference(request.params.reference))
        .executeTakeFirst();
      if (!submission) throw new NotFoundError('There is no submission with this reference.');
      await addCaseNote(app.db, submission.id, staffActor(request), request.body.body);
      return reply.code(201).send(await listCaseNotes(app.db, submission.id));
    },
  );

  app.get(
    '/api/staff/dashboard',
    {
      config: { staffAccess: 'adviser' },
      schema: {
        tags,
        summary:
          "Today's submissions by life event and channel, deliveries failing or waiting, oldest unacknowledged per agency",
        security: staffSecurity,
        response: { 200: dashboardSchema, ...refusals },
      },
    },
    async (request) => dashboardAudited(request),
  );
};
