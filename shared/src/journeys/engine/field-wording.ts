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

/**
 * A field as an adviser reads it while filling it in for a resident: the adviser's label, hint and
 * option words where the catalogue has them, and error messages worded for them ("Enter the
 * resident's full name"): its error name is the adviser's own, else the resident's, else the
 * adviser's label. Names, kinds, values and rules are the resident's field's.
 */
export function adviserField(field: FieldDefinition): FieldDefinition {
  const adviser = field.wording?.adviser;
  const options = field.options?.map((option) => {
    const words = option.wording?.adviser;
    return words ? { ...option, label: words.label ?? option.label, hint: words.hint ?? option.hint } : option;
  });
  if (!adviser && options?.every((option, index) => option === field.options?.[index])) return field;
  const errorName = adviser?.errorName ?? field.errorName ?? adviser?.label;
  const requiredMessage = adviser?.requiredMessage ?? (adviser?.errorName ? undefined : field.requiredMessage);
  const worded: FieldDefinition = {
    ...field,
    label: adviser?.label ?? field.label,
    ...(adviser?.hint ? { hint: adviser.hint } : {}),
    ...(errorName ? { errorName } : {}),
    ...(options ? { options } : {}),
  };
  if (requiredMessage) worded.requiredMessage = requiredMessage;
  else delete worded.requiredMessage;
  return worded;
}

const adviserJourneys = new WeakMap<JourneyDefinition, JourneyDefinition>();

/**
 * The journey as an adviser reads it (every field through {@link adviserField}), so the page
 * schemas built from it give the adviser's error messages. Built once per journey.
 */
export function adviserJourney(journey: JourneyDefinition): JourneyDefinition {
  let worded = adviserJourneys.get(journey);
  if (!worded) {
    worded = { ...journey, pages: journey.pages.map((page) => ({ ...page, fields: page.fields.map(adviserField) })) };
    adviserJourneys.set(journey, worded);
  }
  return worded;
}
