import type { FieldError } from '@tuo/shared';

/**
 * The id of a field's first input (or of one part of it): `dateOfBirth-day`, `lastAddress-postcode`,
 * and for a person of a people field `peopleMoving-1-dateOfBirth-day` (its dotted name, dashed).
 * Error summary links point here, so a click lands on the box to fix.
 */
export function inputId(name: string, part?: string): string {
  const id = name.replaceAll('.', '-');
  return part === undefined ? id : `${id}-${part}`;
}

/** Where an error summary link for this error should land: the first box in error. */
export function errorTarget(error: FieldError): string {
  return inputId(error.field, error.parts?.[0]);
}

/** The error for exactly this field or part path (`lastAddress.postcode`). */
export function errorAt(errors: readonly FieldError[], path: string): FieldError | undefined {
  return errors.find((error) => error.field === path);
}

/** Space-separated ids for `aria-describedby`, or undefined when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
