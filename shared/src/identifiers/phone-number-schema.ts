import { z } from 'zod';
import { isValidPhoneNumber, normalisePhoneNumber, phoneNumberMessage } from './phone-number.js';

/** Validates a telephone number and outputs it in E.164 form, like "+447700900982". */
export const phoneNumberSchema = z
  .string({ error: phoneNumberMessage })
  .refine(isValidPhoneNumber, { error: phoneNumberMessage })
  .transform(normalisePhoneNumber);
