import type { PostedForm } from '@tuo/shared/pages/form-values';
import { z } from 'zod';

/**
 * An HTML form post as @fastify/formbody parses it: strings, and arrays for repeated names.
 * Anything else (a crafted JSON body with objects, say) is refused before a handler sees it.
 */
export const postedFormSchema: z.ZodType<PostedForm> = z.record(
  z.string(),
  z.union([z.string().max(5000), z.array(z.string().max(5000)).max(50)]),
);
