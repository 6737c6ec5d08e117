import type { Audience, FieldDefinition } from '../definition/field-definition-schema.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

/**
 * A field's label for one reader: the resident's own question, or the catalogue's wording for an
 * adviser or an officer ("Name of the person reporting", not "Your full name"), falling back to
 * the resident's where the catalogue has none.
 */
export function fieldLabelFor(field: FieldDefinition, reader: Audience | 'resident'): string {
  return reader === 'resident' ? field.label : (field.wording?.[reader]?.label ?? field.label);
}

/** {@link fieldLabelFor} by field name; the name itself for a field the journey no longer has. */
export function labelInJourney(journey: JourneyDefinition, fieldName: string, reader: Audience | 'resident'): string {
  const field = journey.pages.flatMap((page) => page.fields).find((candidate) => candidate.name === fieldName);
  return field ? fieldLabelFor(field, reader) : fieldName;
}
