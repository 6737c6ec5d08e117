import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';

/** A posted text field: one string, or empty. */
export function text(form: PostedForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Posted or queried values, minus the anti-forgery token, to show back in the form. */
export function formValues(form: PostedForm): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(form)) if (name !== '_csrf' && value !== undefined) values[name] = value;
  return values;
}
