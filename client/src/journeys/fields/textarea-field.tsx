import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { maxTextareaLength } from '@tuo/shared/journeys/engine/field-basics';
import { describedBy, errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { FormGroup, type FieldComponentProps } from './field-frame.js';

/** A message of `fields` in each plural form `language` has, with govuk-frontend's `%{count}` for the number. */
function pluralForms(t: TFunction, language: string, key: string): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const form of new Intl.PluralRules(language).resolvedOptions().pluralCategories) {
    // A count given as text is put in as it is, with no plural chosen, so the form's own key is read.
    const template = t(`fields.${key}_${form}`, { count: '%{count}', defaultValue: '' });
    if (template) forms[form] = template;
  }
  return forms;
}

/**
 * govuk-frontend's character count messages as the data attributes its script reads
 * (`data-i18n.characters-under-limit.one`), in the page's language: its Nunjucks macro's `i18n` option.
 */
export function characterCountAttributes(t: TFunction, language: string): Record<string, string> {
  const attributes: Record<string, string> = {
    'data-i18n.characters-at-limit': t('fields.charactersRemaining', { count: 0 }),
  };
  for (const [key, option] of [
    ['charactersRemaining', 'characters-under-limit'],
    ['charactersTooMany', 'characters-over-limit'],
  ] as const)
    for (const [form, template] of Object.entries(pluralForms(t, language, key)))
      attributes[`data-i18n.${option}.${form}`] = template;
  return attributes;
}

/**
 * Free text with a limit: GOV.UK's character count. Without JavaScript the limit is stated under
 * the box and the server enforces it; with it, govuk-frontend's script counts as the resident types
 * (started with the page, `layout/govuk-components.ts`), telling a screen reader when they pause.
 */
export function TextareaField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t, i18n } = useTranslation();
  const id = inputId(field.name);
  const error = errorAt(form.errors, field.name);
  return (
    <FormGroup
      id={id}
      label={field.label}
      heading={heading}
      hint={hint}
      error={error}
      className="govuk-character-count"
      attributes={{
        'data-module': 'govuk-character-count',
        'data-maxlength': maxTextareaLength,
        ...characterCountAttributes(t, i18n.language),
      }}
    >
      <textarea
        className={`govuk-textarea govuk-js-character-count${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        rows={5}
        defaultValue={textDefault(form.defaults, field.name)}
        aria-describedby={describedBy(`${id}-info`, hint && `${id}-hint`, error && `${id}-error`)}
        {...form.register(field.name)}
      />
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message">
        {t('fields.characterLimit', { count: maxTextareaLength })}
      </div>
    </FormGroup>
  );
}
