import type { FormProps } from '@tuo/shared/pages/page-model';
import { FieldFrame } from './field-frame.js';

/** A GOV.UK select with its label, hint and error, its choice kept from the form's values. */
export function SelectField(props: {
  form: FormProps;
  name: string;
  label: string;
  hint?: string;
  /** Value and words of each option, in order. */
  options: readonly (readonly [string, string])[];
}) {
  const { form, name, options } = props;
  const value = form.values[name];
  return (
    <FieldFrame
      form={form}
      name={name}
      label={props.label}
      hint={props.hint}
      control={(error, described) => (
        <select
          className={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id={name}
          name={name}
          defaultValue={typeof value === 'string' ? value : ''}
          aria-describedby={described}
        >
          {options.map(([option, words]) => (
            <option key={option} value={option}>
              {words}
            </option>
          ))}
        </select>
      )}
    />
  );
}
