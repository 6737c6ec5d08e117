import type { Config } from '../config.js';
import type { AddressLookup } from './address-lookup.js';
import { createOsPlacesAddressLookup } from './os-places-address-lookup.js';
import { createSampleAddressLookup } from './sample-address-lookup.js';

/** The address look-up the configuration chooses (`ADDRESS_LOOKUP`). */
export function createAddressLookup(config: Config['addressLookup']): AddressLookup {
  return config.provider === 'os-places' ? createOsPlacesAddressLookup(config) : createSampleAddressLookup();
}
