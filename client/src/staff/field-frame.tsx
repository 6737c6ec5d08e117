import type { ReactNode } from 'react';
import type { FieldError } from '@tuo/shared';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt } from '../components/field-ids.js';

/**
 * A GOV.UK form group around one control: its label, hint and error message. `control` gets the
 * field's error and the ids its `aria-describedby` names.
 */
export function FieldFrame(props: {
  form: FormProps;
  name: string;
  label: string;
  hint?: string | undefined;
  control: (error: FieldError | undefined, described: string | undefined) => ReactNode;
}) {
  const { form, name, label, hint, control } = props;
  const error = errorAt(form.errors, name);
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
      {control(error, describedBy(hint && `${name}-hint`, error && `${name}-error`))}
    </div>
  );
}
