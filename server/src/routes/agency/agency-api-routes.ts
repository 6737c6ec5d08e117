import { problemSchema } from '@tuo/shared/api/problem';
import {
  acknowledgeRequestSchema,
  actionedRequestSchema,
  agencyNotificationSchema,
  agencyNotificationsPageSchema,
  agencyNotificationsQuerySchema,
} from '@tuo/shared/api/agency-notifications';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { advanceNotification, findInInbox, listInbox, markOpened } from '../../agency/agency-inbox.js';
import { authenticateApiKey, type AgencyPrincipal } from '../../agency/api-keys.js';
import { decodeCursor, inboxStart } from '../../agency/inbox-cursor.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The agency system calling, once its API key has been checked. */
    agencyPrincipal?: AgencyPrincipal;
  }
}

const security = [{ agencyApiKey: [] }];
const idParams = z.object({ id: z.uuid({ error: 'Not a notification id' }) });

function principal(request: FastifyRequest): AgencyPrincipal {
  if (!request.agencyPrincipal) throw new AppError(401, 'unauthenticated', 'Send your API key as a bearer token.');
  return request.agencyPrincipal;
}

/**
 * The agency API, for agency systems: pull the inbox in a stable order after a cursor, and say
 * "received" (acknowledge) and "done" (actioned). Bearer API keys; each key sees only its organisation's.
 */
export const agencyApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const key = /^Bearer (\S+)$/i.exec(header)?.[1];
    const found = key ? await authenticateApiKey(app.db, key) : undefined;
    if (!found) {
      void reply.header('www-authenticate', 'Bearer realm="tell-us-once-agency-api"');
      throw new AppError(
        401,
        'unauthenticated',
        key ? 'This API key is not valid or has been revoked.' : 'Send your API key as a bearer token.',
      );
    }
    request.agencyPrincipal = found;
  });

  app.get(
    '/api/agency/notifications',
    {
      schema: {
        tags: ['agency'],
        summary: "Your agency's notifications after a cursor, oldest first; each is served exactly once in this order",
        security,
        querystring: agencyNotificationsQuerySchema,
        response: { 200: agencyNotificationsPageSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const agency = principal(request).organisation;
      const after = request.query.after === undefined ? inboxStart : decodeCursor(request.query.after);
      if (!after)
        throw new ValidationError('The cursor is not one this API gave out.', [
          { path: 'query.after', message: 'Use the nextCursor from a previous page' },
        ]);
      const page = await listInbox(app.db, app.privacy, agency, after, request.query.limit);
      await markOpened(
        app.db,
        agency,
        page.notifications.map((notification) => notification.id),
      );
      return page;
    },
  );

  app.get(
    '/api/agency/notifications/:id',
    {
      schema: {
        tags: ['agency'],
        summary: 'One notification in your inbox',
        security,
        params: idParams,
        response: { 200: agencyNotificationSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const agency = principal(request).organisation;
      const found = await findInInbox(app.db, app.privacy, agency, request.params.id);
      if (!found) throw new NotFoundError('There is no such notification in your inbox.');
      await markOpened(app.db, agency, [found.id]);
      return found;
    },
  );

  app.post(
    '/api/agency/notifications/:id/acknowledge',
    {
      schema: {
        tags: ['agency'],
        summary: 'Say you have received it, optionally with your own case reference (idempotent)',
        security,
        params: idParams,
        body: acknowledgeRequestSchema.nullish(),
        response: { 200: agencyNotificationSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const { organisation: agency, keyId } = principal(request);
      const result = await advanceNotification(
        app.db,
        app.privacy,
        agency,
        request.params.id,
        'acknowledged',
        { type: 'agency', id: keyId },
        { reference: request.body?.reference },
      );
      if (!result) throw new NotFoundError('There is no such notification in your inbox.');
      return result;
    },
  );

  app.post(
    '/api/agency/notifications/:id/actioned',
    {
      schema: {
        tags: ['agency'],
        summary:
          'Say you have done what was needed, and what, optionally with your own case reference (idempotent: the first outcome is kept)',
        security,
        params: idParams,
        body: actionedRequestSchema,
        response: { 200: agencyNotificationSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const { organisation: agency, keyId } = principal(request);
      const result = await advanceNotification(
        app.db,
        app.privacy,
        agency,
        request.params.id,
        'actioned',
        { type: 'agency', id: keyId },
        request.body,
      );
      if (!result) throw new NotFoundError('There is no such notification in your inbox.');
      return result;
    },
  );
};
