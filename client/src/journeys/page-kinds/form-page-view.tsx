import { useTranslation } from 'react-i18next';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../../components/error-summary.js';
import { PostForm } from '../../components/post-form.js';
import { useErrorTitle } from '../../components/use-error-title.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { pageText } from '../../i18n/translate-definition.js';
import { useReader } from '../../i18n/reader.js';
import { JourneyFormContext } from '../journey-form.js';
import { firstFieldIsHeading, PageFields } from '../page-fields.js';
import { useQuestionForm } from '../use-question-form.js';
import { QuestionButtons } from './question-buttons.js';
import { AddressLookupContext } from '../../address-lookup/address-lookup-context.js';
import { OrganisationSearchContext } from '../../organisation-search/organisation-search-context.js';

/** A `form` page: its fields from the definition, posted back as one HTML form (checked in the browser first, `checks/`). */
export function FormPageView(props: QuestionProps) {
  const { t } = useTranslation();
  const { page, form, errors } = useQuestionForm(props);
  const text = pageText(t, props.lifeEvent, page, useReader());
  useErrorTitle(text.title, errors.length > 0);
  const fieldIsHeading = firstFieldIsHeading(page);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{t(catalogueKey.journey(props.lifeEvent, 'title'))}</span>
        {fieldIsHeading ? null : (
          <>
            <h1 className="govuk-heading-l">{text.title}</h1>
            {text.hint ? <p className="govuk-body">{text.hint}</p> : null}
          </>
        )}
        <PostForm form={props.form}>
          <JourneyFormContext.Provider value={form}>
            <AddressLookupContext.Provider
              value={{ served: props.addressLookup ?? {}, postcodeExample: props.postcodeExample }}
            >
              <OrganisationSearchContext.Provider value={props.organisationSearch ?? {}}>
                <PageFields lifeEvent={props.lifeEvent} page={page} answersSoFar={props.answersSoFar} />
              </OrganisationSearchContext.Provider>
            </AddressLookupContext.Provider>
          </JourneyFormContext.Provider>
          <QuestionButtons />
        </PostForm>
      </div>
    </div>
  );
}
