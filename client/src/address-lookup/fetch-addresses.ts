import { addressLookupResponseSchema, type AddressLookupState } from '@tuo/shared/api/address-lookup';

/**
 * Looks a postcode up through `GET /api/address-lookup`, as the page would on a round trip:
 * a 400 is a postcode that is not real; any other failure (the provider, the network) means
 * "type the address", never a broken page.
 */
export async function fetchAddresses(typed: string): Promise<AddressLookupState> {
  try {
    const response = await fetch(`/api/address-lookup?${new URLSearchParams({ postcode: typed }).toString()}`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 400) return { postcode: typed, outcome: 'invalid', addresses: [] };
    if (!response.ok) return { postcode: typed, outcome: 'unavailable', addresses: [] };
    const { postcode, addresses } = addressLookupResponseSchema.parse(await response.json());
    return {
      postcode,
      outcome: addresses.length > 0 ? 'found' : 'none',
      addresses,
    };
  } catch {
    return { postcode: typed, outcome: 'unavailable', addresses: [] };
  }
}
