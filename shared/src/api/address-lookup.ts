import { z } from 'zod';

/** An address found at a postcode, with the UPRN that lets agencies match it to their records. */
export const foundAddressSchema = z
  .object({
    uprn: z
      .string()
      .regex(/^\d{1,12}$/)
      .meta({ description: 'Unique Property Reference Number' }),
    line1: z.string(),
    line2: z.string().optional(),
    town: z.string(),
    postcode: z.string(),
  })
  .meta({ id: 'FoundAddress' });

/** An address found at a postcode. */
export type FoundAddress = z.infer<typeof foundAddressSchema>;

/** `GET /api/address-lookup` query. */
export const addressLookupQuerySchema = z.object({
  postcode: z.string().max(20).meta({ description: 'A UK postcode, with or without its space' }),
});

/** `GET /api/address-lookup` response: the addresses at the postcode (none is an empty list). */
export const addressLookupResponseSchema = z.object({
  postcode: z.string().meta({ description: 'The postcode as looked up, in its standard form' }),
  addresses: z.array(foundAddressSchema),
});

/** A look-up's answer. */
export type AddressLookupResponse = z.infer<typeof addressLookupResponseSchema>;

/**
 * Where a question page's address look-up stands, per address field, after a round trip without
 * JavaScript: the postcode searched, what came back, and the UPRN chosen.
 */
export interface AddressLookupState {
  postcode: string;
  outcome: 'found' | 'none' | 'unavailable' | 'invalid';
  addresses: FoundAddress[];
  chosen?: string;
}
