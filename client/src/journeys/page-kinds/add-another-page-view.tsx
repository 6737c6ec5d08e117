import { useTranslation } from 'react-i18next';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../../components/error-summary.js';
import { PostForm } from '../../components/post-form.js';
import { useErrorTitle } from '../../components/use-error-title.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { pageText, translateField } from '../../i18n/translate-definition.js';
import { useReader } from '../../i18n/reader.js';
import { PeopleField } from '../fields/people-field.js';
import { JourneyFormContext } from '../journey-form.js';
import { useQuestionForm } from '../use-question-form.js';
import { QuestionButtons } from './question-buttons.js';

/**
 * An `add-another` page: its people field's rows, "Add another person", and Continue. The form's
 * first submit button is a hidden Continue, so Enter in a box goes on rather than pressing the
 * first row's Remove (a browser presses the first submit button of a form for Enter).
 */
export function AddAnotherPageView(props: QuestionProps) {
  const { t } = useTranslation();
  const reader = useReader();
  const { page, form, errors } = useQuestionForm(props);
  const text = pageText(t, props.lifeEvent, page, reader);
  useErrorTitle(text.title, errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{t(catalogueKey.journey(props.lifeEvent, 'title'))}</span>
        <h1 className="govuk-heading-l">{text.title}</h1>
        {text.hint ? <p className="govuk-body">{text.hint}</p> : null}
        <PostForm form={props.form}>
          <button type="submit" className="govuk-visually-hidden" tabIndex={-1} aria-hidden="true">
            {t('actions.continue')}
          </button>
          <JourneyFormContext.Provider value={form}>
            {page.fields.map((field) => (
              <PeopleField
                key={field.name}
                field={translateField(t, props.lifeEvent, field, reader)}
                heading={false}
                hint={undefined}
              />
            ))}
          </JourneyFormContext.Provider>
          <QuestionButtons />
        </PostForm>
      </div>
    </div>
  );
}
