import { z } from 'zod';
import { isValidPostcode, normalisePostcode, postcodeMessage } from './postcode.js';

/** Validates a UK postcode and outputs it upper case with one space, like "SW1A 2AA". */
export const postcodeSchema = z
  .string({ error: postcodeMessage })
  .refine(isValidPostcode, { error: postcodeMessage })
  .transform(normalisePostcode);
