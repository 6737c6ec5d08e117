import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import { performanceRoutes } from './performance-routes.js';

/** Service levels seen from outside: the open performance figures (page, downloads and API). */
export const serviceLevelRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  await app.register(performanceRoutes, { config });
};
