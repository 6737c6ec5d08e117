import { createContext, useContext } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import type { FieldError } from '@tuo/shared';
import { choicesIn, type FormValue, type FormValues } from '@tuo/shared/pages/form-values';

/** What every field component needs from the page's form. */
export interface JourneyForm {
  register: UseFormRegister<FormValues>;
  /** For a field of rows (a people field's useFieldArray). */
  control: Control<FormValues>;
  /** The value as the server renders it. */
  current: (name: string) => FormValue | undefined;
  /** As the server rendered them, so the HTML shows the answers without JavaScript. */
  defaults: FormValues;
  errors: readonly FieldError[];
}

/** The form of the question page being rendered. */
export const JourneyFormContext = createContext<JourneyForm | null>(null);

/** The enclosing question page's form; fields are only ever rendered inside one. */
export function useJourneyForm(): JourneyForm {
  const form = useContext(JourneyFormContext);
  if (!form) throw new Error('Field components must be rendered inside a question page form.');
  return form;
}

/** The default text of a field or one of its parts. */
export function textDefault(defaults: FormValues, name: string, part?: string): string {
  const value = defaults[name];
  if (part === undefined) return typeof value === 'string' ? value : '';
  return typeof value === 'object' && !Array.isArray(value) ? (value[part] ?? '') : '';
}

/** The values ticked by default in a checkboxes field, or the one chosen in radios. */
export function choiceDefaults(defaults: FormValues, name: string): string[] {
  return choicesIn(defaults[name]);
}
