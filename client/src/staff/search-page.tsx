import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { SearchResponse } from '@tuo/shared/api/staff-submissions';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';

function DateOfBirth({ form }: { form: FormProps }) {
  const { t } = useTranslation('staff');
  const error = errorAt(form.errors, 'dateOfBirth');
  const parts = [
    ['day', 'govuk-input--width-2'],
    ['month', 'govuk-input--width-2'],
    ['year', 'govuk-input--width-4'],
  ] as const;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        role="group"
        aria-describedby={describedBy('dateOfBirth-hint', error && 'dateOfBirth-error')}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('search.dateOfBirth')}</legend>
        <div id="dateOfBirth-hint" className="govuk-hint">
          {t('search.dateOfBirthHint')}
        </div>
        <ErrorMessage id="dateOfBirth-error" error={error} />
        <div className="govuk-date-input" id="dateOfBirth">
          {parts.map(([part, width]) => {
            const value = form.values[`dateOfBirth.${part}`];
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={`dateOfBirth-${part}`}>
                    {t(`search.${part}`)}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
                    id={`dateOfBirth-${part}`}
                    name={`dateOfBirth.${part}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={typeof value === 'string' ? value : ''}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function Results({ results }: { results: SearchResponse['results'] }) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  if (results.length === 0) return <p className="govuk-body">{t('search.noResults')}</p>;
  return (
    <TableScroller captionId={captionId}>
      <table className="govuk-table">
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
          {t('search.found', { count: results.length })}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['reference', 'lifeEvent', 'people', 'postcodes', 'submitted'].map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {t(`search.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {results.map((row) => (
            <tr key={row.reference} className="govuk-table__row">
              <td className="govuk-table__cell">
                <a className="govuk-link" href={`/staff/submissions/${row.reference}`}>
                  {row.reference}
                </a>
              </td>
              <td className="govuk-table__cell">{t(catalogueKey.journey(row.lifeEvent, 'title'))}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list">
                  {row.people.map((person) => (
                    <li key={person.role}>
                      {t('search.person', { name: person.name, role: person.role.toLowerCase() })}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="govuk-table__cell">{row.postcodes.join(', ')}</td>
              <td className="govuk-table__cell">{formatDateTime(row.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Find submissions by any of reference, name, date of birth, postcode, NHS or NI number: a POST form, so what is searched for stays out of addresses and history. */
export function SearchPage({ form, results }: { form: FormProps; results: SearchResponse['results'] | null }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <h1 className="govuk-heading-l">{t('search.title')}</h1>
      <p className="govuk-body">{t('search.intro')}</p>
      <form method="post" action={form.action} noValidate>
        <input type="hidden" name="_csrf" value={form.csrfToken} />
        <TextField form={form} name="reference" label={t('search.reference')} width="govuk-input--width-20" />
        <TextField form={form} name="name" label={t('search.name')} />
        <DateOfBirth form={form} />
        <TextField form={form} name="postcode" label={t('search.postcode')} width="govuk-input--width-10" />
        <TextField
          form={form}
          name="nhsNumber"
          label={t('search.nhsNumber')}
          hint={t('search.exactHint')}
          width="govuk-input--width-10"
        />
        <TextField
          form={form}
          name="niNumber"
          label={t('search.niNumber')}
          hint={t('search.exactHint')}
          width="govuk-input--width-10"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t('search.submit')}
        </button>
      </form>
      {results ? <Results results={results} /> : null}
    </>
  );
}
