import type { i18n, Resource } from 'i18next';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { ResourceTree } from '../i18n/catalogue-resources.js';
import { createI18n, namespaces, resources, sourceLanguage } from '../i18n/i18n.js';

/** The portal's own text, `locales/{language}/agency.json`, kept beside the portal. */
const files = import.meta.glob<ResourceTree>('./locales/*/agency.json', { eager: true, import: 'default' });

function withAgencyText(base: Resource): Resource {
  const merged: Resource = { ...base };
  for (const [path, tree] of Object.entries(files)) {
    const language = /\.\/locales\/([^/]+)\//.exec(path)?.[1] ?? sourceLanguage;
    merged[language] = { ...merged[language], agency: tree };
  }
  return merged;
}

/**
 * The portal's i18next instance: the residents' namespaces (so shared components such as the
 * error summary read as usual, and life events keep their catalogue titles) plus `agency`.
 */
export const agencyI18n: i18n = createI18n(sourceLanguage, {
  resources: withAgencyText(resources),
  ns: [...namespaces, 'agency'],
});

/** The heading of a portal page, which its document title starts with. */
export function agencyHeading(props: AgencyPageProps): string {
  const t = agencyI18n.getFixedT(sourceLanguage, 'agency');
  switch (props.view) {
    case 'message':
      return t(`message.${props.message}.title`);
    case 'notification':
      return t('notification.title', { reference: props.notification.reference });
    case 'accounts':
      return t('accounts.title');
    case 'account':
      return props.account.email;
    case 'account-link':
      return t(`account-link.${props.purpose}.title`);
    case 'single-sign-on':
      return t(`single-sign-on.${props.outcome}.title`);
    default:
      return t(`${props.view}.title`);
  }
}
