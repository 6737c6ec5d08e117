import type { FastifyPluginAsync } from 'fastify';

/** The start page. Journeys add their own page routes beside it. */
export const startRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.page({ page: 'start', props: {} }));
};
