import { getJourney, pagePath, todayInLondon, type FieldError, type PageKind } from '@tuo/shared';
import type { FormValues } from '@tuo/shared/pages/form-values';
import { pageContext } from '@tuo/shared/pages/page-context';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { csrfToken } from '../csrf.js';
import type { PageVisit } from './page-kind-handler.js';
import { backHref } from './page-navigation.js';

/** What every question page's model holds, whatever its kind: the page, its form as shown, and where Back goes. */
export function questionPageProps<Kind extends PageKind>(
  visit: PageVisit<Kind>,
  values: FormValues,
  errors: readonly FieldError[],
): QuestionProps {
  const { request, lifeEvent, page, state, change } = visit;
  return {
    lifeEvent,
    pageId: page.id,
    answersSoFar: pageContext(getJourney(lifeEvent), page.id, state.answers),
    today: todayInLondon(),
    backHref: backHref(lifeEvent, page, state.answers, change),
    form: {
      action: `${pagePath(lifeEvent, page.id)}${change ? '?change=1' : ''}`,
      csrfToken: csrfToken(request),
      values,
      errors: [...errors],
    },
  };
}
