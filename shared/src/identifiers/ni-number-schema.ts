import { z } from 'zod';
import { isValidNiNumber, niNumberMessage, normaliseNiNumber } from './ni-number.js';

/** Validates a National Insurance number and outputs it upper case without spaces. */
export const niNumberSchema = z
  .string({ error: niNumberMessage })
  .refine(isValidNiNumber, { error: niNumberMessage })
  .transform(normaliseNiNumber);
