import { useTranslation } from 'react-i18next';
import type { AgencyNav } from '@tuo/shared/pages/agency-page-model';
import { ConsoleHeader, PostButton } from '../components/console-header.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';

/** Who is signed in and for which agency, the portal's sections, and sign-out. */
export function AgencyHeader({ nav }: { nav: AgencyNav }) {
  const { t } = useTranslation('agency');
  const links = [
    ['/agency/notifications', t('nav.notifications')],
    ...(nav.user.role === 'agency-admin'
      ? [
          ['/agency/keys', t('nav.keys')],
          ['/agency/users', t('nav.users')],
          ['/agency/single-sign-on', t('nav.signInSettings')],
        ]
      : []),
    ['/agency/second-factor', t('nav.secondFactor')],
  ];
  const signedInAs = t('nav.signedInAs', {
    email: nav.user.email,
    role: t(`roles.${nav.user.role}`),
    // The organisation itself (one GP practice of many), else its kind.
    agency: nav.user.organisation.name || t(catalogueKey.agency(nav.user.agency, 'name')),
  });
  return (
    <ConsoleHeader navLabel={t('nav.label')} links={links} signedInAs={signedInAs}>
      <PostButton action="/agency/sign-out" csrfToken={nav.csrfToken} label={t('nav.signOut')} />
    </ConsoleHeader>
  );
}
