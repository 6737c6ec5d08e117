import { z } from 'zod';

/**
 * `POST /api/staff/submissions/{reference}/correction` body: the answers to change, normalised as in
 * `POST /api/submissions` (ISO dates, arrays for checkboxes), keyed by field name. The corrected
 * report must still be a valid one of its life event.
 */
export const correctionRequestSchema = z.strictObject({
  answers: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Only the answers that change; every other answer stays as it was' }),
});
