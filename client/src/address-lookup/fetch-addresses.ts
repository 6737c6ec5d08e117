import type { AddressLookupState } from '@tuo/shared/api/address-lookup';

/**
 * Looks a postcode up through `GET /api/address-lookup`, as the page would on a round trip:
 * a 400 is a postcode that is not real; any other failure (the provider, the network) means
 * "type the address", never a broken page. The response's schema (zod) is fetched with the
 * first look-up, so a page with an address field does not download it before it is used.
 */
export async function fetchAddresses(typed: string): Promise<AddressLookupState> {
  try {
    const response = await fetch(`/api/address-lookup?${new URLSearchParams({ postcode: typed }).toString()}`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 400) return { postcode: typed, outcome: 'invalid', addresses: [] };
    if (!response.ok) return { postcode: typed, outcome: 'unavailable', addresses: [] };
    const [{ addressLookupResponseSchema }, body] = await Promise.all([
      import('@tuo/shared/api/address-lookup'),
      response.json() as Promise<unknown>,
    ]);
    const { postcode, addresses } = addressLookupResponseSchema.parse(body);
    return {
      postcode,
      outcome: addresses.length > 0 ? 'found' : 'none',
      addresses,
    };
  } catch {
    return { postcode: typed, outcome: 'unavailable', addresses: [] };
  }
}
