import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt } from '../components/field-ids.js';

/**
 * A GOV.UK textarea with a character count. Without JavaScript the limit is stated and the server
 * enforces it; with it, the count follows the typing (in React, not govuk-frontend's script, which
 * would fight React for the DOM, as in the resident journeys' textarea).
 */
export function CharacterCountField(props: {
  form: FormProps;
  name: string;
  label: string;
  hint: string;
  maxLength: number;
}) {
  const { form, name, label, hint, maxLength } = props;
  const { t } = useTranslation('agency');
  const initial = form.values[name];
  const [typed, setTyped] = useState(typeof initial === 'string' ? initial.length : 0);
  const error = errorAt(form.errors, name);
  const over = typed > maxLength;
  const message =
    typed === 0
      ? t('notification.characterLimit', { count: maxLength })
      : over
        ? t('notification.charactersTooMany', { count: typed - maxLength })
        : t('notification.charactersRemaining', { count: maxLength - typed });
  return (
    <div className="govuk-character-count">
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={name}>
          {label}
        </label>
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
        <ErrorMessage id={`${name}-error`} error={error} />
        <textarea
          className={`govuk-textarea govuk-js-character-count${error || over ? ' govuk-textarea--error' : ''}`}
          id={name}
          name={name}
          rows={5}
          defaultValue={typeof initial === 'string' ? initial : ''}
          aria-describedby={describedBy(`${name}-hint`, `${name}-info`, error && `${name}-error`)}
          onChange={(event) => {
            setTyped(event.target.value.length);
          }}
        />
      </div>
      <div
        id={`${name}-info`}
        className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`}
        aria-live="polite"
      >
        {message}
      </div>
    </div>
  );
}
