import type { FieldDefinition } from '../definition/field-definition-schema.js';
import type { JourneyDefinition } from '../definition/journey-definition-schema.js';

/** Identifiers that are encrypted wherever they rest, and searchable only by a keyed hash. */
export const protectedKinds = ['nhs-number', 'ni-number', 'date-of-birth'] as const;

/** One of {@link protectedKinds}. */
export type ProtectedKind = (typeof protectedKinds)[number];

/**
 * The protected kind of a field, if any: NHS and National Insurance numbers by their field kind;
 * dates of birth by the journeys' naming convention (dateOfBirth, babyDateOfBirth, otherPersonDateOfBirth)
 * or the `bday` autocomplete token, since a date field's kind alone does not say whose date it is.
 */
export function protectedKindOf(
  field: Pick<FieldDefinition, 'name' | 'kind' | 'autocomplete'>,
): ProtectedKind | undefined {
  if (field.kind === 'nhs-number' || field.kind === 'ni-number') return field.kind;
  if (field.kind === 'date' && (/dateofbirth$/i.test(field.name) || field.autocomplete === 'bday'))
    return 'date-of-birth';
  return undefined;
}

const peopleCache = new WeakMap<JourneyDefinition, readonly string[]>();

/**
 * A journey's people fields, by name: each person's date of birth is protected like any other
 * (sealed wherever it rests, searched by keyed hash), inside the list.
 */
export function peopleFieldNames(journey: JourneyDefinition): readonly string[] {
  let names = peopleCache.get(journey);
  if (!names) {
    names = journey.pages
      .flatMap((page) => page.fields)
      .filter((field) => field.kind === 'people')
      .map((field) => field.name);
    peopleCache.set(journey, names);
  }
  return names;
}

const cache = new WeakMap<JourneyDefinition, ReadonlyMap<string, ProtectedKind>>();

/** A journey's protected fields, by name (computed once per journey: it is on every storage path). */
export function protectedFields(journey: JourneyDefinition): ReadonlyMap<string, ProtectedKind> {
  let fields = cache.get(journey);
  if (!fields) {
    fields = new Map(
      journey.pages
        .flatMap((page) => page.fields)
        .flatMap((field) => {
          const kind = protectedKindOf(field);
          return kind ? [[field.name, kind] as const] : [];
        }),
    );
    cache.set(journey, fields);
  }
  return fields;
}
