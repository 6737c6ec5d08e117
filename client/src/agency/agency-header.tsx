import { useTranslation } from 'react-i18next';
import type { AgencyNav } from '@tuo/shared/pages/agency-page-model';
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
        ]
      : []),
    ['/agency/second-factor', t('nav.secondFactor')],
  ];
  return (
    <div className="govuk-!-margin-bottom-6">
      <nav aria-label={t('nav.label')}>
        <ul className="govuk-list">
          {links.map(([href, label]) => (
            <li key={href} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <a className="govuk-link govuk-link--no-visited-state" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="govuk-body-s">
        {t('nav.signedInAs', {
          email: nav.user.email,
          role: t(`roles.${nav.user.role}`),
          agency: t(catalogueKey.agency(nav.user.agency, 'name')),
        })}
      </p>
      <form method="post" action="/agency/sign-out">
        <input type="hidden" name="_csrf" value={nav.csrfToken} />
        <button
          type="submit"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
          data-module="govuk-button"
        >
          {t('nav.signOut')}
        </button>
      </form>
    </div>
  );
}
