import { useTranslation } from 'react-i18next';
import type { SingleSignOnOutcome } from '@tuo/shared/pages/staff-page-model';

/**
 * The answer of a sign-in through the organisation's provider, for the staff console and (with its
 * own words, `namespace`) the agency portal. Signed in, it moves on to the console at once: the
 * provider sent the browser here from its own site, so the console's SameSite=Strict session cookie
 * only travels from the next, same-site, navigation. Refused, it says why and what to do.
 */
export function SingleSignOnPage({
  outcome,
  continueHref,
  signInHref,
  namespace = 'staff',
}: {
  outcome: SingleSignOnOutcome;
  continueHref: string;
  signInHref: string;
  namespace?: 'staff' | 'agency';
}) {
  const { t } = useTranslation(namespace);
  if (outcome === 'signed-in')
    return (
      <>
        <meta httpEquiv="refresh" content={`0;url=${continueHref}`} />
        <h1 className="govuk-heading-l">{t('single-sign-on.signed-in.title')}</h1>
        <p className="govuk-body">
          <a className="govuk-link" href={continueHref}>
            {t('single-sign-on.signed-in.continue')}
          </a>
        </p>
      </>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`single-sign-on.${outcome}.title`)}</h1>
        <p className="govuk-body">{t(`single-sign-on.${outcome}.body`)}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={signInHref}>
            {t('single-sign-on.back')}
          </a>
        </p>
      </div>
    </div>
  );
}
