import { useContext } from 'react';
import { toldName } from '../../i18n/told-name.js';
import { useTranslation } from 'react-i18next';
import { dontKnowOrganisation } from '@tuo/shared';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, errorAt, inputId } from '../../components/field-ids.js';
import { OrganisationSearchContext } from '../../organisation-search/organisation-search-context.js';
import { useJourneyForm } from '../journey-form.js';
import type { FieldComponentProps } from './field-frame.js';
import { RadiosField } from './radios-field.js';

/**
 * An organisation from the directory (a GP practice, a landlord): searched for by name or postcode
 * with a "Search" button of the page's own form, so it works without JavaScript, then chosen from
 * the results as radios (the same radios as any other question); "I don't know" says who is told instead.
 */
export function OrganisationField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const served = useContext(OrganisationSearchContext)[field.name];
  const searchId = inputId(field.name, 'search');
  const searchError = errorAt(form.errors, `${field.name}.search`);
  const results = served?.results ?? [];
  const options = [
    ...results.map((choice) => ({ value: choice.id, label: choice.name, hint: choice.postcode })),
    {
      value: dontKnowOrganisation,
      label: t('organisationSearch.dontKnow'),
      // The kind's own team, named by what it does in the reader's language (not by its directory name).
      hint: field.organisationKind
        ? t('organisationSearch.dontKnowHint', {
            fallback: toldName(t, field.organisationKind, { fallback: true }, 'inSentence'),
          })
        : undefined,
    },
  ];
  const search = (
    <>
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
    </>
  );
  return (
    <RadiosField
      field={field}
      heading={heading}
      hint={hint}
      options={options}
      before={search}
      dividerBefore={results.length > 0 ? dontKnowOrganisation : undefined}
    />
  );
}
