import { postcodeMessage } from '@tuo/shared';
import { addressLookupQuerySchema, addressLookupResponseSchema } from '@tuo/shared/api/address-lookup';
import { problemSchema } from '@tuo/shared/api/problem';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AddressLookup } from '../../address-lookup/address-lookup.js';
import { findAddresses } from '../../address-lookup/find-addresses.js';
import type { LookUpLimit } from '../../address-lookup/look-up-limit.js';
import { AppError, UnavailableError, ValidationError } from '../../errors.js';

/**
 * `GET /api/address-lookup?postcode=`: the addresses at a postcode, for the address fields of the
 * resident pages when JavaScript runs (without it, the page does the same look-up on a round trip).
 * Limited per client address, since each call may cost a call to OS Places; the pages' own
 * look-ups without JavaScript count against the same limit.
 */
export const addressLookupRoutes: FastifyPluginAsyncZod<{
  lookup: AddressLookup;
  limit: LookUpLimit;
}> = async (app, options) => {
  app.get(
    '/api/address-lookup',
    {
      preHandler: async (request, reply) => {
        const limited = await options.limit(request);
        if (limited.allowed) return;
        void reply.header('retry-after', String(limited.retryAfterSeconds));
        throw new AppError(
          429,
          'rate_limited',
          `Too many address look-ups. Try again in ${String(limited.retryAfterSeconds)} seconds.`,
        );
      },
      schema: {
        tags: ['address'],
        summary: 'The addresses at a UK postcode, each with its UPRN; an empty list when there are none',
        querystring: addressLookupQuerySchema,
        response: {
          200: addressLookupResponseSchema,
          400: problemSchema,
          429: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request) => {
      const found = await findAddresses(options.lookup, request.query.postcode, request.log);
      if (found.outcome === 'invalid')
        throw new ValidationError('The postcode is not a real postcode.', [
          { path: 'postcode', message: postcodeMessage },
        ]);
      if (found.outcome === 'unavailable')
        throw new UnavailableError('Addresses cannot be looked up at the moment; enter the address by hand.');
      return { postcode: found.postcode, addresses: found.addresses };
    },
  );
};
