import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt } from '../components/field-ids.js';

/** A GOV.UK select with its label, hint and error, its choice kept from the form's values. */
export function SelectField(props: {
  form: FormProps;
  name: string;
  label: string;
  hint?: string;
  /** Value and words of each option, in order. */
  options: readonly (readonly [string, string])[];
}) {
  const { form, name, label, hint, options } = props;
  const error = errorAt(form.errors, name);
  const value = form.values[name];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${name}-error`} error={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={name}
        name={name}
        defaultValue={typeof value === 'string' ? value : ''}
        aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}
      >
        {options.map(([option, words]) => (
          <option key={option} value={option}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}
