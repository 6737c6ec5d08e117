import { useTranslation } from 'react-i18next';
import type { ConfirmationProps } from '@tuo/shared/pages/page-model';
import { formatTrackingCode } from '@tuo/shared/identifiers/tracking-code';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { CopyCodeButton } from '../copy-code-button.js';

/** After sending: the reference, the tracking code (shown once), what each service does next, and how to track. */
export function ConfirmationPage({ lifeEvent, reference, trackingSecret, agencies: told }: ConfirmationProps) {
  const { t } = useTranslation();
  const code = trackingSecret ? formatTrackingCode(trackingSecret) : null;
  const trackHref = trackingSecret
    ? `/track?reference=${encodeURIComponent(reference)}&secret=${encodeURIComponent(trackingSecret)}`
    : '/track';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t('confirmation.title')}</h1>
          <div className="govuk-panel__body">
            {t('confirmation.yourReference')}
            <br />
            <strong id="reference" dir="ltr">
              {reference}
            </strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">{t('confirmation.keepCode')}</h2>
        {trackingSecret ? (
          <>
            <p className="govuk-body">{t('confirmation.keepCodeBody')}</p>
            <p className="govuk-body">
              {t('confirmation.trackingCode')}{' '}
              <strong
                className="govuk-!-font-size-24 govuk-!-text-break-word app-tracking-code"
                id="tracking-code"
                dir="ltr"
              >
                {code}
              </strong>
            </p>
            {code ? <CopyCodeButton code={code} /> : null}
            <p className="govuk-body">
              <a className="govuk-link" href={trackHref}>
                {t('confirmation.trackLink')}
              </a>{' '}
              {t('confirmation.bookmark')}
            </p>
          </>
        ) : (
          <p className="govuk-body">
            {t('confirmation.codeShownBefore')}{' '}
            <a className="govuk-link" href="/track">
              {t('confirmation.trackLinkInline')}
            </a>{' '}
            {t('confirmation.withIt')}
          </p>
        )}
        <h2 className="govuk-heading-m">{t('confirmation.whatHappensNext')}</h2>
        {told.map((agency) => (
          <div key={agency}>
            <h3 className="govuk-heading-s">{t(catalogueKey.agencyIn(lifeEvent, agency, 'name'))}</h3>
            {/* What this agency does about this life event; the general line where there is none. */}
            <p className="govuk-body">
              {t([`support.nextSteps.${lifeEvent}.${agency}`, `confirmation.next.${agency}`])}
            </p>
          </div>
        ))}
        <p className="govuk-body">
          <a className="govuk-link" href="/start">
            {t('confirmation.somethingElse')}
          </a>
        </p>
      </div>
    </div>
  );
}
