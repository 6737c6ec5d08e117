import type { i18n, Resource } from 'i18next';
import type { StaffPageProps } from '@tuo/shared/pages/staff-page-model';
import type { ResourceTree } from '../i18n/catalogue-resources.js';
import { createI18n, namespaces, resources, sourceLanguage } from '../i18n/i18n.js';

/** The console's own text, `locales/{language}/staff.json`, kept beside the console rather than with residents' pages. */
const files = import.meta.glob<ResourceTree>('./locales/*/staff.json', { eager: true, import: 'default' });

function withStaffText(base: Resource): Resource {
  const merged: Resource = { ...base };
  for (const [path, tree] of Object.entries(files)) {
    const language = /\.\/locales\/([^/]+)\//.exec(path)?.[1] ?? sourceLanguage;
    merged[language] = { ...merged[language], staff: tree };
  }
  return merged;
}

/**
 * The console's i18next instance: the residents' namespaces (so shared components such as the
 * error summary read as usual) plus `staff`. Staff work in English, so it is not per language.
 */
export const staffI18n: i18n = createI18n(sourceLanguage, {
  resources: withStaffText(resources),
  ns: [...namespaces, 'staff'],
});

/** The heading of a console page, which its document title starts with. */
export function staffHeading(props: StaffPageProps): string {
  const t = staffI18n.getFixedT(sourceLanguage, 'staff');
  switch (props.view) {
    case 'message':
      return t(`message.${props.message}.title`);
    case 'submission':
      return t('submission.title', { reference: props.submission.reference });
    case 'subject-access':
      return t('subject-access.title', { reference: props.export.submission.reference });
    case 'account':
      return props.account.email;
    case 'organisation':
      return props.organisation.name;
    case 'organisation-form':
      return t(props.organisationId ? 'organisation-form.changeTitle' : 'organisation-form.title');
    case 'account-link':
      return t(`account-link.${props.purpose}.title`);
    case 'single-sign-on':
      return t(`single-sign-on.${props.outcome}.title`);
    case 'erase':
      return t('erase.title', { reference: props.reference });
    case 'correction':
      return t('correction.title', { reference: props.reference });
    case 'needs-checking':
      return t('checking.title');
    case 'check':
      return t('checking.checkTitle', { reference: props.item.reference });
    default:
      return t(`${props.view}.title`);
  }
}
