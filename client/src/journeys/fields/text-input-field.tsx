import type { HTMLInputTypeAttribute } from 'react';
import type { FieldKind } from '@tuo/shared';
import { describedBy, errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { FormGroup, type FieldComponentProps } from './field-frame.js';

interface InputLook {
  type?: HTMLInputTypeAttribute;
  width?: string;
  inputMode?: 'numeric' | 'email' | 'tel';
  /** Names, numbers and codes are not words: spellcheck only gets in the way. */
  spellCheck?: false;
  extraLetterSpacing?: true;
  /** Numbers, codes and addresses read left to right even on an Arabic page. */
  dir?: 'ltr';
}

// One-line kinds differ only in how the box looks and which keyboard a phone shows.
const looks: Partial<Record<FieldKind, InputLook>> = {
  text: {},
  name: { spellCheck: false, width: 'govuk-!-width-two-thirds' },
  'nhs-number': {
    inputMode: 'numeric',
    width: 'govuk-input--width-10',
    spellCheck: false,
    extraLetterSpacing: true,
    dir: 'ltr',
  },
  'ni-number': { width: 'govuk-input--width-10', spellCheck: false, extraLetterSpacing: true, dir: 'ltr' },
  postcode: { width: 'govuk-input--width-10', spellCheck: false, dir: 'ltr' },
  email: { type: 'email', spellCheck: false, dir: 'ltr' },
  phone: { type: 'tel', width: 'govuk-input--width-20', dir: 'ltr' },
};

/** A one-line answer: text, a name, an NHS or National Insurance number, a postcode, email or phone. */
export function TextInputField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const look = looks[field.kind] ?? {};
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const classes = [
    'govuk-input',
    look.width,
    look.extraLetterSpacing && 'govuk-input--extra-letter-spacing',
    error && 'govuk-input--error',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <FormGroup id={id} label={field.label} heading={heading} hint={hint} error={error}>
      <input
        className={classes}
        id={id}
        type={look.type ?? 'text'}
        inputMode={look.inputMode}
        dir={look.dir}
        spellCheck={look.spellCheck}
        autoComplete={field.autocomplete}
        defaultValue={textDefault(form.defaults, field.name)}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        {...form.register(field.name)}
      />
    </FormGroup>
  );
}
