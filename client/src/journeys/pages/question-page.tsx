import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../../components/error-summary.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { useErrorTitle } from '../../components/use-error-title.js';
import { JourneyFormContext } from '../journey-form.js';
import { firstFieldIsHeading, PageFields } from '../page-fields.js';
import { useQuestionForm } from '../use-question-form.js';

/** Any question page of any journey, rendered from its definition in the catalogue. */
export function QuestionPage(props: QuestionProps) {
  const { journey, page, form, formRef, onSubmit, focusKey, errors } = useQuestionForm(props);
  useErrorTitle(errors.length > 0);
  const fieldIsHeading = firstFieldIsHeading(page);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{journey.title}</span>
        {fieldIsHeading ? null : (
          <>
            <h1 className="govuk-heading-l">{page.title}</h1>
            {page.hint ? <p className="govuk-body">{page.hint}</p> : null}
          </>
        )}
        <PostForm form={props.form} onSubmit={onSubmit} formRef={formRef}>
          <JourneyFormContext.Provider value={form}>
            <PageFields page={page} answersSoFar={props.answersSoFar} />
          </JourneyFormContext.Provider>
          <SubmitButton>Continue</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
