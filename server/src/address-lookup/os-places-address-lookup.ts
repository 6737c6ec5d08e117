import type { FoundAddress } from '@tuo/shared/api/address-lookup';
import { z } from 'zod';
import { AddressLookupUnavailableError, type AddressLookup, type LookedUpAddress } from './address-lookup.js';

/** OS Places API's postcode search. */
export const osPlacesPostcodeUrl = 'https://api.os.uk/search/places/v1/postcode';

/** The parts of a Delivery Point Address (DPA) record we use; OS Places sends many more. */
const dpaSchema = z.object({
  UPRN: z.string(),
  ADDRESS: z.string(),
  ORGANISATION_NAME: z.string().optional(),
  SUB_BUILDING_NAME: z.string().optional(),
  BUILDING_NAME: z.string().optional(),
  BUILDING_NUMBER: z.string().optional(),
  DEPENDENT_THOROUGHFARE_NAME: z.string().optional(),
  THOROUGHFARE_NAME: z.string().optional(),
  DEPENDENT_LOCALITY: z.string().optional(),
  POST_TOWN: z.string(),
  POSTCODE: z.string(),
  /** The council keeping the record (AddressBase's local custodian code), a number in OS Places' JSON. */
  LOCAL_CUSTODIAN_CODE: z.union([z.number(), z.string()]).optional(),
});
// A postcode with no addresses has no `results` at all, only a header with `totalresults: 0`.
const responseSchema = z.object({
  results: z.array(z.object({ DPA: dpaSchema.optional() })).optional(),
});

/** OS Places writes addresses in capitals ("10 DOWNING STREET"); residents read them as they would on a letter. */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s\-'(/])([a-z])/g, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** A DPA record as the address parts of our forms: building and street on line 1, the rest on line 2. */
export function fromDpa(dpa: z.infer<typeof dpaSchema>): FoundAddress {
  const street = [dpa.DEPENDENT_THOROUGHFARE_NAME, dpa.THOROUGHFARE_NAME].filter(Boolean).join(', ');
  const numbered = [dpa.BUILDING_NUMBER, street].filter(Boolean).join(' ');
  const premises = [dpa.ORGANISATION_NAME, dpa.SUB_BUILDING_NAME, dpa.BUILDING_NAME].filter(Boolean).join(', ');
  // "Flat 2, Orchard House" then "22 Mill Lane": one line each when both exist, so neither is cut.
  const [line1, ...rest] = [premises, numbered, dpa.DEPENDENT_LOCALITY].filter((part): part is string => Boolean(part));
  const line2 = rest.join(', ');
  return {
    uprn: dpa.UPRN,
    line1: titleCase(line1 ?? dpa.ADDRESS.split(',')[0] ?? ''),
    ...(line2 ? { line2: titleCase(line2) } : {}),
    town: titleCase(dpa.POST_TOWN),
    postcode: dpa.POSTCODE,
  };
}

/**
 * Ordnance Survey's OS Places API (`ADDRESS_LOOKUP=os-places`, `OS_PLACES_API_KEY`): the addresses
 * at a postcode from AddressBase, with their UPRNs. A refused key (401), a rate limit (429), any
 * other failure or no answer within `timeoutMs` all mean "enter the address by hand".
 */
export function createOsPlacesAddressLookup(options: { apiKey: string; timeoutMs: number }): AddressLookup {
  return {
    name: 'os-places',
    // Real postcodes OS Places knows (Downing Street; the Houses of Parliament).
    examplePostcodes: ['SW1A 2AA', 'SW1A 0AA'],
    async findByPostcode(postcode) {
      const url = `${osPlacesPostcodeUrl}?${new URLSearchParams({ postcode, dataset: 'DPA', maxresults: '100', key: options.apiKey }).toString()}`;
      let response: Response;
      try {
        response = await fetch(url, {
          signal: AbortSignal.timeout(options.timeoutMs),
          headers: { accept: 'application/json' },
        });
      } catch (error) {
        throw new AddressLookupUnavailableError(
          error instanceof Error && error.name === 'TimeoutError'
            ? 'OS Places did not answer in time'
            : 'OS Places could not be reached',
        );
      }
      // The status only: OS Places' error bodies can quote the request, key included.
      if (!response.ok) throw new AddressLookupUnavailableError(`OS Places answered ${String(response.status)}`);
      const parsed = responseSchema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) throw new AddressLookupUnavailableError('OS Places sent an answer we could not read');
      return (parsed.data.results ?? []).flatMap((result): LookedUpAddress[] => {
        if (!result.DPA) return [];
        const code = result.DPA.LOCAL_CUSTODIAN_CODE;
        return [{ ...fromDpa(result.DPA), ...(code === undefined ? {} : { custodianCode: String(code) }) }];
      });
    },
  };
}
