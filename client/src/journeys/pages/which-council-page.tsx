import { useTranslation } from 'react-i18next';
import { toldName } from '../../i18n/told-name.js';
import type { WhichCouncilProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { RadioDivider, RadioItem } from '../../components/radio-item.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { sourceLanguage } from '../../i18n/i18n.js';
import { useReader } from '../../i18n/reader.js';
import { staffI18n } from '../../staff/staff-i18n.js';
import { Fieldset } from '../fields/field-frame.js';

/**
 * "Which council is this address in?", when the address look-up could not say: the directory's
 * councils as radios, a search by name (its own GET form, so no JavaScript is needed) when there
 * are too many to list, and "It is not listed", which says who is told instead.
 */
export function WhichCouncilPage({ lifeEvent, addressField, address, councils, search, form }: WhichCouncilProps) {
  const { t } = useTranslation();
  // An adviser asks the resident; the resident answers for themselves.
  const adviser = useReader() === 'adviser';
  const staffT = staffI18n.getFixedT(sourceLanguage, 'staff');
  const error = errorAt(form.errors, 'council');
  const chosen = typeof form.values.council === 'string' ? form.values.council : undefined;
  const options = [
    ...councils.map((council) => ({ value: council.id, label: council.name, hint: undefined })),
    {
      value: 'not-listed',
      label: t('whichCouncil.notListed'),
      hint: t('whichCouncil.notListedHint', { fallback: toldName(t, 'council', { fallback: true }, 'inSentence') }),
    },
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <span className="govuk-caption-l">{t(catalogueKey.field(lifeEvent, addressField, 'errorName'))}</span>
        <h1 className="govuk-heading-l">{t('whichCouncil.title')}</h1>
        <p className="govuk-body">{adviser ? staffT('assistedJourney.whichCouncil.why') : t('whichCouncil.why')}</p>
        <div className="govuk-inset-text">
          {address.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </div>
        {search.needed || search.query !== '' ? (
          <form method="get" action={search.action} className="govuk-!-margin-bottom-6">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="council-search">
                {t('whichCouncil.searchLabel')}
              </label>
              <input
                className="govuk-input govuk-!-width-two-thirds"
                id="council-search"
                name="q"
                type="search"
                spellCheck={false}
                defaultValue={search.query}
              />{' '}
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {t('organisationSearch.searchButton')}
              </button>
            </div>
            {search.query !== '' ? (
              <p className="govuk-body" role="status">
                {councils.length === 0
                  ? t('whichCouncil.noResults', { query: search.query })
                  : t('organisationSearch.results', { query: search.query })}
              </p>
            ) : null}
          </form>
        ) : null}
        <PostForm form={form}>
          <Fieldset id="council" legend={t('whichCouncil.legend')} heading={false} hint={undefined} error={error}>
            <div className="govuk-radios">
              {options.map((option, index) => [
                option.value === 'not-listed' && councils.length > 0 ? (
                  <RadioDivider key="or" text={t('fields.or')} />
                ) : null,
                <RadioItem
                  key={option.value}
                  id={index === 0 ? 'council' : `council-${String(index + 1)}`}
                  value={option.value}
                  label={option.label}
                  hint={option.hint}
                  defaultChecked={chosen === option.value}
                  input={{ name: 'council' }}
                />,
              ])}
            </div>
          </Fieldset>
          <SubmitButton>{t('actions.continue')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
