import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { maxTextareaLength } from '@tuo/shared/journeys/engine/field-basics';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { FieldLabel, type FieldComponentProps } from './field-frame.js';

function remaining(t: TFunction, length: number): string {
  if (length === 0) return t('fields.characterLimit', { count: maxTextareaLength });
  const left = maxTextareaLength - length;
  return left >= 0 ? t('fields.charactersRemaining', { count: left }) : t('fields.charactersTooMany', { count: -left });
}

/**
 * Free text with a limit, with a character count. Without JavaScript the limit is stated; with it,
 * the count follows the typing (in React rather than govuk-frontend's script, which would fight React for the DOM).
 */
export function TextareaField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const value = form.current(field.name);
  const typed = typeof value === 'string' ? value.length : 0;
  return (
    <div className="govuk-character-count">
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <FieldLabel htmlFor={id} text={field.label} heading={heading} />
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} error={error} />
        <textarea
          className={`govuk-textarea govuk-js-character-count${error || typed > maxTextareaLength ? ' govuk-textarea--error' : ''}`}
          id={id}
          rows={5}
          defaultValue={textDefault(form.defaults, field.name)}
          aria-describedby={describedBy(hint && `${id}-hint`, `${id}-info`, error && `${id}-error`)}
          {...form.register(field.name)}
        />
      </div>
      <div
        id={`${id}-info`}
        className={`govuk-hint govuk-character-count__message${typed > maxTextareaLength ? ' govuk-error-message' : ''}`}
        aria-live="polite"
      >
        {remaining(t, typed)}
      </div>
    </div>
  );
}
