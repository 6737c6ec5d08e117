import { useTranslation } from 'react-i18next';
import { errorAt, inputId } from '../../components/field-ids.js';
import { choicesIn } from '@tuo/shared/pages/form-values';
import { choiceDefaults, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

/**
 * Checkboxes, with an optional exclusive "None of these" after an "or" divider. With JavaScript,
 * ticking it clears the others and the other way round (`data-behaviour`, the page script's
 * `followReveals`); the server refuses both at once, for when JavaScript is off.
 */
export function CheckboxesField({ field, heading, hint, conditionals = {} }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const options = field.options ?? [];
  const current = form.current(field.name);
  const ticked = choicesIn(current);
  const defaults = choiceDefaults(form.defaults, field.name);
  const registered = form.register(field.name);
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={error}>
      <div className="govuk-checkboxes">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index + 1}`;
          const revealed = conditionals[option.value];
          return [
            option.exclusive ? (
              <div className="govuk-checkboxes__divider" key="divider">
                {t('fields.or')}
              </div>
            ) : null,
            <div className="govuk-checkboxes__item" key={option.value}>
              <input
                className="govuk-checkboxes__input"
                id={optionId}
                type="checkbox"
                value={option.value}
                defaultChecked={defaults.includes(option.value)}
                aria-controls={revealed ? `conditional-${optionId}` : undefined}
                aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                data-behaviour={option.exclusive ? 'exclusive' : undefined}
                {...registered}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${optionId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>,
            revealed ? (
              <div
                className={`govuk-checkboxes__conditional${ticked.includes(option.value) ? '' : ' govuk-checkboxes__conditional--hidden'}`}
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
