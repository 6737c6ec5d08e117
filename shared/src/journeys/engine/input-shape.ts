import { z } from 'zod';
import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { InputMode } from './check-field.js';

const text = z.string().optional();
const addressInput = z.object({ line1: text, line2: text, town: text, postcode: text, uprn: text }).optional();
const datePartsInput = z.object({ day: text, month: text, year: text }).optional();
const peopleInput = z.array(z.object({ fullName: text, dateOfBirth: datePartsInput })).optional();
const peopleAnswer = z.array(z.object({ fullName: z.string(), dateOfBirth: z.iso.date() })).optional();

/** The loose type of one field's input: a string, string array, date parts or address object, all optional. */
export function fieldInput(field: FieldDefinition, mode: InputMode): z.ZodType {
  const described = (schema: z.ZodType): z.ZodType =>
    schema.meta({ title: field.label, ...(field.hint ? { description: field.hint } : {}) });
  switch (field.kind) {
    case 'address':
      return described(addressInput);
    case 'date':
      return described(mode === 'form' ? datePartsInput : z.iso.date().optional());
    case 'people':
      return described(mode === 'form' ? peopleInput : peopleAnswer);
    case 'checkboxes':
      // A form with one box ticked posts a string, not an array.
      return described(
        mode === 'form' ? z.union([z.string(), z.array(z.string())]).optional() : z.array(z.string()).optional(),
      );
    default:
      return described(text);
  }
}

/**
 * The loose input shape of some fields: types only, every field optional. Whether a field is
 * required and what it must look like depends on other answers, so the engine checks that after
 * this shape; the shape exists so the schema documents itself (OpenAPI) and strips unknown keys.
 */
export function inputShape(
  fields: readonly FieldDefinition[],
  mode: InputMode,
): z.ZodObject<Record<string, z.ZodType>> {
  return z.object(Object.fromEntries(fields.map((field) => [field.name, fieldInput(field, mode)])));
}
