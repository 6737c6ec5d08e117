import { isValidPostcode, normalisePostcode } from '@tuo/shared';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import type { FastifyBaseLogger } from 'fastify';
import { AddressLookupUnavailableError, type AddressLookup } from './address-lookup.js';

/**
 * Looks a typed postcode up and says how it went, in the shape the question page shows: never
 * throws for a provider's failure, since the resident can always type the address instead.
 */
export async function findAddresses(
  lookup: AddressLookup,
  typed: string,
  log: FastifyBaseLogger,
): Promise<AddressLookupState> {
  if (!isValidPostcode(typed)) return { postcode: typed, outcome: 'invalid', addresses: [] };
  const postcode = normalisePostcode(typed);
  try {
    const addresses = await lookup.findByPostcode(postcode);
    return {
      postcode,
      outcome: addresses.length > 0 ? 'found' : 'none',
      // The custodian code is for routing to a council, not for the page or the API.
      addresses: addresses.map(({ custodianCode: _code, ...address }) => address),
    };
  } catch (error) {
    if (!(error instanceof AddressLookupUnavailableError)) throw error;
    // The reason, not the postcode: a postcode with a date of death can point to a person.
    log.warn(
      { provider: lookup.name, reason: error.message },
      'address look-up unavailable; the resident can type the address',
    );
    return { postcode, outcome: 'unavailable', addresses: [] };
  }
}
