import type { InputHTMLAttributes } from 'react';

/**
 * One GOV.UK radio with its label and hint. `input` carries what the form needs of the input
 * (its name and handlers: react-hook-form's `register`, or a plain `name` for a server form).
 */
export function RadioItem(props: {
  id: string;
  value: string;
  label: string;
  hint?: string | undefined;
  defaultChecked: boolean;
  controls?: string | undefined;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  const { id, value, label, hint, defaultChecked, controls, input } = props;
  return (
    <div className="govuk-radios__item">
      <input
        className="govuk-radios__input"
        id={id}
        type="radio"
        value={value}
        defaultChecked={defaultChecked}
        aria-controls={controls}
        aria-describedby={hint ? `${id}-item-hint` : undefined}
        {...input}
      />
      <label className="govuk-label govuk-radios__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** GOV.UK's "or" between radios, above a last option such as "I don't know". */
export function RadioDivider({ text }: { text: string }) {
  return <div className="govuk-radios__divider">{text}</div>;
}
