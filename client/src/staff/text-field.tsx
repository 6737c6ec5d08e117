import type { FormProps } from '@tuo/shared/pages/page-model';
import { FieldFrame } from './field-frame.js';

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
  const value = form.values[name];
  return (
    <FieldFrame
      form={form}
      name={name}
      label={label}
      hint={hint}
      control={(error, described) => {
        const shared = {
          id: name,
          name,
          defaultValue: typeof value === 'string' ? value : '',
          'aria-describedby': described,
        };
        return multiline ? (
          <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} rows={4} {...shared} />
        ) : (
          <input
            className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`}
            type={type}
            autoComplete={autoComplete}
            spellCheck={false}
            {...shared}
          />
        );
      }}
    />
  );
}
