import { useTranslation } from 'react-i18next';
import type { OptionDefinition } from '@tuo/shared';
import { errorAt, inputId } from '../../components/field-ids.js';
import { choiceDefaults, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

/**
 * Radios, or a yes-no question (inline radios). An option may reveal follow-up fields: without
 * JavaScript they always show; with it, only under the chosen option.
 */
export function RadiosField({ field, heading, hint, conditionals = {} }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const yesNo: readonly OptionDefinition[] = [
    { value: 'yes', label: t('fields.yes') },
    { value: 'no', label: t('fields.no') },
  ];
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const options = field.kind === 'yes-no' ? yesNo : (field.options ?? []);
  const chosen = form.current(field.name);
  const defaults = choiceDefaults(form.defaults, field.name);
  const inline = field.kind === 'yes-no' && Object.keys(conditionals).length === 0;
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={error}>
      <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index + 1}`;
          const revealed = conditionals[option.value];
          return [
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={optionId}
                type="radio"
                value={option.value}
                defaultChecked={defaults.includes(option.value)}
                aria-controls={revealed ? `conditional-${optionId}` : undefined}
                aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                {...form.register(field.name)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>,
            revealed ? (
              <div
                className={`govuk-radios__conditional${chosen === option.value ? '' : ' govuk-radios__conditional--hidden'}`}
                id={`conditional-${optionId}`}
                key={`${option.value}-conditional`}
              >
                {revealed}
              </div>
            ) : null,
          ];
        })}
      </div>
    </Fieldset>
  );
}
