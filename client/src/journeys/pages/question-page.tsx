import { getPage } from '@tuo/shared';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { pageKindViews } from '../page-kinds/page-kind-views.js';

/** Any question page of any journey: the view of its kind, rendered from its definition in the catalogue. */
export function QuestionPage(props: QuestionProps) {
  const View = pageKindViews[getPage(journeyDefinitions[props.lifeEvent], props.pageId).kind];
  return <View {...props} />;
}
