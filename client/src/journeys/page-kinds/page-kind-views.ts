import type { ComponentType } from 'react';
import type { PageKind } from '@tuo/shared';
import type { QuestionProps } from '@tuo/shared/pages/page-model';
import { AddAnotherPageView } from './add-another-page-view.js';
import { FormPageView } from './form-page-view.js';

/**
 * One view per page kind, picked by the page definition's `kind`: a record over every kind, so a
 * kind without a view is a compile error (CONTRIBUTING.md, "Adding a page kind").
 */
export const pageKindViews: Readonly<Record<PageKind, ComponentType<QuestionProps>>> = {
  form: FormPageView,
  'add-another': AddAnotherPageView,
};
