import { z } from 'zod';
import { fieldDefinitionSchema } from '../field-definition-schema.js';
import { pageBaseShape } from '../page-base-schema.js';

/**
 * An `add-another` page asks for a list of people, one row each (full name and date of birth),
 * as the GOV.UK "Add multiple things" pattern does: "Add another person" and each row's "Remove"
 * post the page back (or act in the browser with JavaScript), and the server keeps the rows typed
 * so far in the session until the list is complete. Its one field is of kind `people`; the answer
 * is that field's list (server `add-another-page-handler.ts`, client `add-another-page-view.tsx`).
 */
export const addAnotherPageSchema = z.strictObject({
  ...pageBaseShape,
  kind: z.literal('add-another'),
  fields: z.array(fieldDefinitionSchema).length(1),
});

/** A page of kind `add-another`. */
export type AddAnotherPageDefinition = z.infer<typeof addAnotherPageSchema>;
