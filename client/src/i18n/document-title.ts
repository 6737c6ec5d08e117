import type { TFunction } from 'i18next';
import { getPage } from '@tuo/shared';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import type { PageModel } from '@tuo/shared/pages/page-model';
import { pageText } from './translate-definition.js';
import { staffHeading } from '../staff/staff-i18n.js';
import { agencyHeading } from '../agency/agency-i18n.js';
import { saveReturnHeading } from '../save-return/save-return-pages.js';

/** The heading of a page, in the reader's language: what its document title starts with. */
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
      return t('whoToTell.title');
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

/** True when the page was rendered with errors from the server. */
export function hasServerErrors(model: PageModel): boolean {
  if (model.page === 'track' && (model.props.chase?.form.errors.length ?? 0) > 0) return true;
  if (model.page === 'confirmation') return (model.props.confirm?.form.errors.length ?? 0) > 0;
  return 'form' in model.props && model.props.form.errors.length > 0;
}

/** "Error: What has happened? – Tell Us Once": the heading, marked when errors show, then the service. */
export function documentTitle(t: TFunction, heading: string, hasErrors: boolean): string {
  const title = hasErrors ? t('service.errorTitle', { title: heading }) : heading;
  return t('service.documentTitle', { title, service: t('service.name') });
}
