import type { TFunction } from 'i18next';
import type { PageModel } from '@tuo/shared/pages/page-model';

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
