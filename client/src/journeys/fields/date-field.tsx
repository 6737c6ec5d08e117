import { useTranslation } from 'react-i18next';
import { fieldParts } from '@tuo/shared/pages/form-values';
import { errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

const partLabels: Readonly<Record<string, string>> = { day: 'fields.day', month: 'fields.month', year: 'fields.year' };

/** A date as day, month and year boxes (GOV.UK date input); only the boxes in error are highlighted. */
export function DateField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const parts = fieldParts.date ?? [];
  // Errors found in the browser carry no parts, so the whole date is highlighted, as GOV.UK does for a whole-date error.
  const inError = (part: string) => error !== undefined && (error.parts === undefined || error.parts.includes(part));
  const birthday = field.autocomplete === 'bday';
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={error} group>
      <div className="govuk-date-input" id={id}>
        {parts.map((part) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={inputId(field.name, part)}>
                {t(partLabels[part] ?? '')}
              </label>
              <input
                className={`govuk-input govuk-date-input__input ${part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2'}${inError(part) ? ' govuk-input--error' : ''}`}
                id={inputId(field.name, part)}
                type="text"
                inputMode="numeric"
                autoComplete={birthday ? `bday-${part}` : undefined}
                defaultValue={textDefault(form.defaults, field.name, part)}
                {...form.register(`${field.name}.${part}`)}
              />
            </div>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
