import type { TFunction } from 'i18next';
import { getPage } from '@tuo/shared';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import type { PageModel } from '@tuo/shared/pages/page-model';
import { pageText } from './translate-definition.js';
import { staffHeading, staffI18n } from '../staff/staff-i18n.js';
import { sourceLanguage } from './i18n.js';
import { agencyHeading } from '../agency/agency-i18n.js';
import { saveReturnHeading } from '../save-return/save-return-pages.js';

/**
 * The heading of a page, in the reader's language: what its document title starts with. The
 * server's (it writes every page's `<title>`), so it may import the consoles' text; a page in the
 * browser keeps its title with `documentTitle` alone and never downloads that text.
 */
export function pageHeading(t: TFunction, model: PageModel): string {
  switch (model.page) {
    case 'start':
      return t('start.title');
    case 'not-found':
      return t('messages.notFoundTitle');
    case 'error':
    case 'unavailable':
      return t('messages.errorTitle');
    case 'session-expired':
      return t('messages.sessionExpiredTitle');
    case 'choose-life-event':
      return t('chooseLifeEvent.title');
    case 'question':
      return pageText(
        t,
        model.props.lifeEvent,
        getPage(journeyDefinitions[model.props.lifeEvent], model.props.pageId),
        model.assisted ? 'adviser' : 'resident',
      ).title;
    case 'check-answers':
      return t('checkAnswers.title');
    case 'who-to-tell':
      return model.assisted
        ? staffI18n.getFixedT(sourceLanguage, 'staff')('assistedJourney.whoToTell.title')
        : t('whoToTell.title');
    case 'which-council':
      return t('whichCouncil.title');
    case 'declaration':
      return t('declaration.title');
    case 'confirmation':
      return t(model.props.confirm ? 'confirmation.confirmTitle' : 'confirmation.title');
    case 'track':
      return t('track.title');
    case 'staff':
      return staffHeading(model.props);
    case 'agency':
      return agencyHeading(model.props);
    case 'save-form':
    case 'saved-form':
    case 'return-to-form':
    case 'saved-form-unavailable':
      return saveReturnHeading(t, model);
    case 'performance':
      return t('service-levels:performance.title');
  }
}
