import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt } from '../components/field-ids.js';

/** A GOV.UK text input (or textarea) with its label, hint and error, filled from the form's values. */
export function TextField(props: {
  form: FormProps;
  name: string;
  label: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  multiline?: boolean;
  width?: string;
}) {
  const {
    form,
    name,
    label,
    hint,
    type = 'text',
    autoComplete,
    multiline = false,
    width = 'govuk-!-width-two-thirds',
  } = props;
  const error = errorAt(form.errors, name);
  const value = form.values[name];
  const shared = {
    id: name,
    name,
    defaultValue: typeof value === 'string' ? value : '',
    'aria-describedby': describedBy(hint && `${name}-hint`, error && `${name}-error`),
  };
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
      {multiline ? (
        <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} rows={4} {...shared} />
      ) : (
        <input
          className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`}
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          {...shared}
        />
      )}
    </div>
  );
}
