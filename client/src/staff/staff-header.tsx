import { useTranslation } from 'react-i18next';
import type { StaffNav } from '@tuo/shared/pages/staff-page-model';

function PostButton({
  action,
  csrfToken,
  label,
  secondary = true,
}: {
  action: string;
  csrfToken: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action} className="govuk-!-display-inline-block govuk-!-margin-right-2">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button
        type="submit"
        className={`govuk-button${secondary ? ' govuk-button--secondary' : ''} govuk-!-margin-bottom-2`}
        data-module="govuk-button"
      >
        {label}
      </button>
    </form>
  );
}

/** Who is signed in, the console's sections, sign-out, and the assisted transaction in progress. */
export function StaffHeader({ nav }: { nav: StaffNav }) {
  const { t } = useTranslation('staff');
  const links = [
    ['/staff/dashboard', t('nav.dashboard')],
    ['/staff/search', t('nav.search')],
    ['/staff/assisted', t('nav.assisted')],
    ['/staff/chase-requests', t('nav.chaseRequests')],
    ['/staff/performance', t('nav.performance')],
    ...(nav.user.role === 'admin'
      ? [
          ['/staff/audit', t('nav.audit')],
          ['/staff/accounts', t('nav.accounts')],
        ]
      : []),
    ['/staff/second-factor', t('nav.secondFactor')],
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
        {t('nav.signedInAs', { email: nav.user.email, role: t(`roles.${nav.user.role}`) })}
      </p>
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
    </div>
  );
}
