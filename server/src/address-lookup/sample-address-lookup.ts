import { normalisePostcode } from '@tuo/shared';
import { sampleGazetteer } from '@tuo/shared/api/sample-gazetteer';
import type { AddressLookup, LookedUpAddress } from './address-lookup.js';

/** Looks postcodes up in a small embedded gazetteer (by default the fictional {@link sampleGazetteer}). */
export function createSampleAddressLookup(addresses: readonly LookedUpAddress[] = sampleGazetteer): AddressLookup {
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
