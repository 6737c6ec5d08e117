import type { TFunction } from 'i18next';
import type { SaveReturnPageModel } from '@tuo/shared/pages/save-return-page-model';
import { ReturnToFormPage } from './return-to-form-page.js';
import { SavedFormPage } from './saved-form-page.js';
import { SaveFormPage } from './save-form-page.js';
import { SavedFormUnavailablePage } from './saved-form-unavailable-page.js';

/** The page component for each page of save and come back later. */
export function SaveReturnPage({ model }: { model: SaveReturnPageModel }) {
  switch (model.page) {
    case 'save-form':
      return <SaveFormPage {...model.props} />;
    case 'saved-form':
      return <SavedFormPage {...model.props} />;
    case 'return-to-form':
      return <ReturnToFormPage {...model.props} />;
    case 'saved-form-unavailable':
      return <SavedFormUnavailablePage {...model.props} />;
  }
}

const unavailableTitles = {
  submitted: 'saveReturn.unavailable.submittedTitle',
  used: 'saveReturn.unavailable.usedTitle',
  expired: 'saveReturn.unavailable.expiredTitle',
  'too-many-tries': 'saveReturn.unavailable.tooManyTriesTitle',
} as const;

/** The heading of each of these pages, which their document titles start with. */
export function saveReturnHeading(t: TFunction, model: SaveReturnPageModel): string {
  switch (model.page) {
    case 'save-form':
      return t(model.props.methods.length === 1 ? 'saveReturn.save.codeTitle' : 'saveReturn.save.title');
    case 'saved-form':
      return t('saveReturn.saved.title');
    case 'return-to-form':
      return t(model.props.by === 'link' ? 'saveReturn.link.title' : 'saveReturn.code.title');
    case 'saved-form-unavailable':
      return t(unavailableTitles[model.props.reason]);
  }
}
