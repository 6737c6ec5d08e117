import { z } from 'zod';

/** One field-level error: where (the path of the field, as posted) and what to do about it. */
export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. answers.dateOfDeath' }),
  message: z.string().meta({ description: 'What is wrong, in plain words, GOV.UK style' }),
});

/** A field-level error. */
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * An RFC 9457 problem details body, the shape of every error the API returns
 * (`application/problem+json`). `code` is stable: clients may branch on it.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** A problem details body. */
export type Problem = z.infer<typeof problemSchema>;
