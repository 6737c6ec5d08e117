import { z } from 'zod';
import { fieldDefinitionSchema } from '../field-definition-schema.js';
import { pageBaseShape } from '../page-base-schema.js';

/**
 * A `form` page asks its fields once and posts them back: the server checks them against the
 * page's shared schema, keeps the answers and goes on (server `form-page-handler.ts`, client
 * `form-page-view.tsx`).
 */
export const formPageSchema = z.strictObject({
  ...pageBaseShape,
  kind: z.literal('form'),
  fields: z.array(fieldDefinitionSchema).min(1),
});

/** A page of kind `form`. */
export type FormPageDefinition = z.infer<typeof formPageSchema>;
