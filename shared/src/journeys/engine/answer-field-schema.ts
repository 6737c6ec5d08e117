import type { z } from 'zod';
import type { FieldDefinition } from '../definition/field-definition-schema.js';
import { checkField } from './check-field.js';
import { fieldInput } from './input-shape.js';

/**
 * The schema of one field's normalised answer on its own, optional and without conditions, as in
 * an agency payload. It only checks (no transform), so it also documents payloads as JSON Schema.
 */
export function answerFieldSchema(field: FieldDefinition): z.ZodType {
  const optional = { ...field, optional: true };
  return fieldInput(field, 'answer').superRefine((value, ctx) => {
    for (const issue of checkField(optional, value, 'answer').issues)
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  });
}
