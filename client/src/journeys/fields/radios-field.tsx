import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionDefinition } from '@tuo/shared';
import { errorAt, inputId } from '../../components/field-ids.js';
import { RadioDivider, RadioItem } from '../../components/radio-item.js';
import { choiceDefaults, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

/** What a field kind built on radios adds: its own options, something above them, an "or" divider. */
export interface RadiosExtras {
  /** The options, when they are not the field's own (an organisation field's search results). */
  options?: readonly OptionDefinition[];
  /** Shown inside the fieldset above the radios (an organisation field's search box). */
  before?: ReactNode;
  /** The option an "or" divider goes above (GOV.UK's divider before "I don't know"). */
  dividerBefore?: string | undefined;
}

/**
 * Radios, or a yes-no question (inline radios). An option may reveal follow-up fields: without
 * JavaScript they always show; with it, only under the chosen option.
 */
export function RadiosField({
  field,
  heading,
  hint,
  conditionals = {},
  options: given,
  before,
  dividerBefore,
}: FieldComponentProps & RadiosExtras) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const yesNo: readonly OptionDefinition[] = [
    { value: 'yes', label: t('fields.yes') },
    { value: 'no', label: t('fields.no') },
  ];
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  const options = given ?? (field.kind === 'yes-no' ? yesNo : (field.options ?? []));
  const chosen = form.current(field.name);
  const defaults = choiceDefaults(form.defaults, field.name);
  const inline = field.kind === 'yes-no' && Object.keys(conditionals).length === 0;
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={error}>
      {before}
      <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${String(index + 1)}`;
          const revealed = conditionals[option.value];
          return [
            option.value === dividerBefore ? <RadioDivider key="or" text={t('fields.or')} /> : null,
            <RadioItem
              key={option.value}
              id={optionId}
              value={option.value}
              label={option.label}
              hint={option.hint}
              defaultChecked={defaults.includes(option.value)}
              controls={revealed ? `conditional-${optionId}` : undefined}
              input={form.register(field.name)}
            />,
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
