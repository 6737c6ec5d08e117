import { z } from 'zod';
import { isValidNhsNumber, nhsNumberCheckDigitMessage, nhsNumberMessage, normaliseNhsNumber } from './nhs-number.js';

/**
 * Validates an NHS number and outputs it normalised to 10 digits without spaces. Wrong length or
 * characters and a failed check digit get different messages, as they need different fixes.
 */
export const nhsNumberSchema = z
  .string({ error: nhsNumberMessage })
  .refine((input) => /^\d{10}$/.test(normaliseNhsNumber(input)), { error: nhsNumberMessage, abort: true })
  .refine(isValidNhsNumber, { error: nhsNumberCheckDigitMessage })
  .transform(normaliseNhsNumber);
