import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { dontKnowOrganisation } from '@tuo/shared';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, errorAt, inputId } from '../../components/field-ids.js';
import { OrganisationSearchContext } from '../../organisation-search/organisation-search-context.js';
import { choiceDefaults, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

/**
 * An organisation from the directory (a GP practice, a landlord): searched for by name or postcode
 * with a "Search" button of the page's own form, so it works without JavaScript, then chosen from
 * the results as radios; "I don't know" says who is told instead.
 */
export function OrganisationField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const served = useContext(OrganisationSearchContext)[field.name];
  const id = inputId(field.name);
  const searchId = inputId(field.name, 'search');
  const error = errorAt(form.errors, field.name);
  const searchError = errorAt(form.errors, `${field.name}.search`);
  const defaults = choiceDefaults(form.defaults, field.name);
  const results = served?.results ?? [];
  const options = [
    ...results.map((choice) => ({ value: choice.id, label: choice.name, hint: choice.postcode })),
    {
      value: dontKnowOrganisation,
      label: t('organisationSearch.dontKnow'),
      hint: t('organisationSearch.dontKnowHint', { fallback: served?.fallbackName ?? '' }),
    },
  ];
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={error}>
      <div className={`govuk-form-group${searchError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={searchId}>
          {t('organisationSearch.searchLabel')}
        </label>
        <ErrorMessage id={`${searchId}-error`} error={searchError} />
        <input
          className={`govuk-input govuk-!-width-two-thirds${searchError ? ' govuk-input--error' : ''}`}
          id={searchId}
          name={`${field.name}.search`}
          type="text"
          spellCheck={false}
          defaultValue={served?.query ?? ''}
          aria-describedby={describedBy(searchError && `${searchId}-error`)}
        />{' '}
        <button
          type="submit"
          name="_action"
          value={`find-organisation:${field.name}`}
          formNoValidate
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        >
          {t('organisationSearch.searchButton')}
        </button>
      </div>
      {served?.searched ? (
        <p className="govuk-body" role="status">
          {results.length === 0
            ? t('organisationSearch.noResults', { query: served.query })
            : t('organisationSearch.results', { count: results.length, query: served.query })}
        </p>
      ) : null}
      <div className="govuk-radios">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${String(index + 1)}`;
          return [
            option.value === dontKnowOrganisation && results.length > 0 ? (
              <div className="govuk-radios__divider" key="or">
                {t('fields.or')}
              </div>
            ) : null,
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={optionId}
                type="radio"
                value={option.value}
                defaultChecked={defaults.includes(option.value)}
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
          ];
        })}
      </div>
    </Fieldset>
  );
}
