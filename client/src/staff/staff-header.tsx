import { useTranslation } from 'react-i18next';
import type { StaffNav } from '@tuo/shared/pages/staff-page-model';
import { ConsoleHeader, PostButton } from '../components/console-header.js';

/** Who is signed in, the console's sections, sign-out, and the assisted transaction in progress. */
export function StaffHeader({ nav }: { nav: StaffNav }) {
  const { t } = useTranslation('staff');
  const links = [
    ['/staff/dashboard', t('nav.dashboard')],
    ['/staff/search', t('nav.search')],
    ['/staff/assisted', t('nav.assisted')],
    ['/staff/chase-requests', t('nav.chaseRequests')],
    ['/staff/needs-checking', t('nav.needsChecking')],
    ['/staff/performance', t('nav.performance')],
    ...(nav.user.role === 'admin'
      ? [
          ['/staff/audit', t('nav.audit')],
          ['/staff/accounts', t('nav.accounts')],
          ['/staff/organisations', t('nav.organisations')],
        ]
      : []),
    ['/staff/second-factor', t('nav.secondFactor')],
  ];
  return (
    <ConsoleHeader
      navLabel={t('nav.label')}
      links={links}
      signedInAs={t('nav.signedInAs', { email: nav.user.email, role: t(`roles.${nav.user.role}`) })}
    >
      <PostButton action="/staff/sign-out" csrfToken={nav.csrfToken} label={t('nav.signOut')} />
      <PostButton action="/staff/sign-out-everywhere" csrfToken={nav.csrfToken} label={t('nav.signOutEverywhere')} />
      {nav.assisting ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">{t('nav.assisting', { mode: t(`assisted.modes.${nav.assisting.mode}`) })}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/start">
              {t('nav.reportLifeEvent')}
            </a>
          </p>
          <PostButton action="/staff/assisted/end" csrfToken={nav.csrfToken} label={t('nav.endAssisted')} />
        </div>
      ) : null}
    </ConsoleHeader>
  );
}
