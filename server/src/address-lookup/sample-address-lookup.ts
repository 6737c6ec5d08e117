import { normalisePostcode } from '@tuo/shared';
import type { FoundAddress } from '@tuo/shared/api/address-lookup';
import type { AddressLookup } from './address-lookup.js';
import { sampleGazetteer } from '@tuo/shared/api/sample-gazetteer';

/** Looks postcodes up in a small embedded gazetteer (by default the fictional {@link sampleGazetteer}). */
export function createSampleAddressLookup(addresses: readonly FoundAddress[] = sampleGazetteer): AddressLookup {
  return {
    name: 'sample',
    // Its own postcodes, in order, each once: the first is the example residents are shown.
    examplePostcodes: [...new Set(addresses.map((address) => normalisePostcode(address.postcode)))],
    findByPostcode(postcode) {
      const wanted = normalisePostcode(postcode);
      return Promise.resolve(addresses.filter((address) => normalisePostcode(address.postcode) === wanted));
    },
  };
}
