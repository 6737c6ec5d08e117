import { getPage, pageSchema, toFieldErrors, type FieldError } from '@tuo/shared';
import { adviserJourney } from '@tuo/shared/journeys/engine/field-wording';
// The definitions as written: the server has checked them against the meta-schema.
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import { formInput } from '@tuo/shared/pages/form-values';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { postedNow } from './posted-now.js';
import { showErrors } from './error-markup.js';
import { pageScriptText } from './page-script-text.js';

/** What the page script's own chunk does for one question page. */
export interface QuestionChecks {
  /** Checks the form as the browser would post it; shows the errors (or clears them) and answers whether it may post. */
  check(form: HTMLFormElement): boolean;
  /** Shows `errors` (none clears them) as the server would render a post that had them, focus to their summary. */
  show(form: HTMLFormElement, errors: readonly FieldError[]): void;
  /** While errors are showing, checks the form again and shows what it finds, leaving focus where it is. */
  recheck(form: HTMLFormElement): void;
}

/** What a question page's model says of the page the script checks. */
export interface CheckedPage {
  props: QuestionProps;
  lang: string;
  /** An adviser runs the page for a resident: the adviser's messages, as from the server. */
  adviser: boolean;
}

/**
 * A question page's checks without React: the page's shared schema (the very one the server
 * checks a post with) fed what the browser would post, read as the server reads it (`formInput`),
 * and its errors shown in the server's markup (`error-markup.ts`), so the two say and show the same.
 */
export async function questionChecks({ props, lang, adviser }: CheckedPage): Promise<QuestionChecks> {
  const [text, { ErrorSummary }] = await Promise.all([
    pageScriptText(lang),
    import('govuk-frontend/dist/govuk/components/error-summary/error-summary.mjs'),
  ]);
  const journey = journeyDefinitions[props.lifeEvent];
  const worded = adviser ? adviserJourney(journey) : journey;
  const page = getPage(worded, props.pageId);
  const schema = pageSchema(worded, props.pageId, props.answersSoFar, { today: props.today });
  const show = (form: HTMLFormElement, errors: readonly FieldError[], focus = true) => {
    const summary = showErrors(form, errors, text);
    // govuk-frontend's script takes focus to the summary and moves it to the box a link names.
    if (summary) new ErrorSummary(summary, { disableAutoFocus: !focus });
  };
  const errorsIn = (form: HTMLFormElement): readonly FieldError[] => {
    const result = schema.safeParse(formInput(page.fields, postedNow(form)));
    return result.success ? [] : toFieldErrors(result.error.issues);
  };
  return {
    check(form) {
      const errors = errorsIn(form);
      show(form, errors);
      return errors.length === 0;
    },
    show,
    recheck(form) {
      if (form.closest('.govuk-grid-column-two-thirds')?.querySelector(':scope > .govuk-error-summary'))
        show(form, errorsIn(form), false);
    },
  };
}
