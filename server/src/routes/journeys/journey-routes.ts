import type { FastifyPluginAsync } from 'fastify';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import type { LookUpLimit } from '../../address-lookup/look-up-limit.js';
import type { Config } from '../../config.js';
import { sessionPlugin } from '../../plugins/session.js';
import { checkAnswersRoutes } from './check-answers-routes.js';
import { chooseLifeEventRoutes } from './choose-life-event-routes.js';
import { verifyCsrf } from './csrf.js';
import { confirmationRoutes } from './confirmation-routes.js';
import { declarationRoutes } from './declaration-routes.js';
import { questionRoutes } from './question-routes.js';
import { returnRoutes } from './return-routes.js';
import { saveRoutes } from './save-routes.js';
import { trackRoutes } from './track-routes.js';
import { whichCouncilRoutes } from './which-council-routes.js';
import { whoToTellRoutes } from './who-to-tell-routes.js';

/**
 * The resident's pages: choose a life event, its questions, check answers, who to tell, declaration,
 * confirmation and tracking. Each is a plain HTML form that works without JavaScript. Sessions and
 * the anti-forgery check live in this scope only, so the API carries no cookie.
 */
export const journeyRoutes: FastifyPluginAsync<{
  config: Config;
  addressLookup: AddressLookup;
  lookUpLimit: LookUpLimit;
}> = async (app, options) => {
  await app.register(sessionPlugin, { secret: options.config.sessionSecret, publicUrl: options.config.publicUrl });
  app.addHook('preHandler', verifyCsrf);
  // Answers are personal: no shared cache keeps them, and Back does not show a stale form.
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  await app.register(chooseLifeEventRoutes);
  await app.register(trackRoutes, { config: options.config });
  await app.register(checkAnswersRoutes);
  await app.register(whoToTellRoutes, { addressLookup: options.addressLookup });
  await app.register(whichCouncilRoutes);
  await app.register(declarationRoutes, { config: options.config, addressLookup: options.addressLookup });
  await app.register(confirmationRoutes);
  await app.register(saveRoutes, { config: options.config });
  await app.register(returnRoutes, { config: options.config });
  await app.register(questionRoutes, { addressLookup: options.addressLookup, lookUpLimit: options.lookUpLimit });
};
