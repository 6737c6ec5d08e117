import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { Answers } from './answers.js';

/**
 * The message for a date earlier than the date its field's `notBefore` names, or `undefined` when
 * the order is fine or either date is not known (an unanswered or invalid date has its own message).
 * Both are ISO dates, so comparing the strings compares the days.
 */
export function dateOrderMessage(
  field: FieldDefinition,
  value: unknown,
  earlier: Readonly<Answers>,
): string | undefined {
  if (!field.notBefore || typeof value !== 'string') return undefined;
  const other = Object.hasOwn(earlier, field.notBefore.field) ? earlier[field.notBefore.field] : undefined;
  return typeof other === 'string' && value < other ? field.notBefore.message : undefined;
}
