import type { FoundAddress } from '@tuo/shared/api/address-lookup';

/**
 * An address as a provider finds it: what residents choose from, and the local custodian code
 * (the council that keeps the address's record in AddressBase) when the provider knows it. The
 * code maps to a council in the directory; it is ours, never in the public API.
 */
export type LookedUpAddress = FoundAddress & { custodianCode?: string };

/**
 * Finds the addresses at a postcode. Implementations: the embedded sample gazetteer (the default,
 * for trying the portal) and Ordnance Survey's OS Places API. Residents can always type an address
 * instead, so a provider that cannot answer throws {@link AddressLookupUnavailableError} and the page
 * says so; it never blocks a journey.
 */
export interface AddressLookup {
  /** Which provider this is, for logs. */
  readonly name: string;
  /**
   * Postcodes this look-up finds addresses at, for the examples in the page's hint: the sample
   * gazetteer's own on a trial install, a real one with OS Places. Never an example it cannot find.
   */
  readonly examplePostcodes: readonly string[];
  /**
   * The addresses at a postcode (already checked to be a real postcode), in the order a resident
   * would look for them; an empty list when there are none.
   */
  findByPostcode(postcode: string): Promise<LookedUpAddress[]>;
}

/** The provider could not answer (refused the key, rate limited, timed out, or broke); ask for the address by hand. */
export class AddressLookupUnavailableError extends Error {
  override name = 'AddressLookupUnavailableError';
}
