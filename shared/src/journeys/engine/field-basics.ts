import type { FieldDefinition } from '../definition/field-definition-schema.js';

// What the field rules (check-field.ts) share with code that only shows fields and answers. No zod
// here, so a browser page that renders a form or a summary can import these without the validators.

/** Longest answer to a one-line text question. */
export const maxTextLength = 100;
/** Longest answer to a multi-line text question. */
export const maxTextareaLength = 1200;

/** The answer to an organisation field when the resident does not know theirs: the kind's fallback is told. */
export const dontKnowOrganisation = 'dont-know';

/** The noun phrase that starts this field's error messages. */
export function errorName(field: FieldDefinition): string {
  return field.errorName ?? field.label;
}
