import { useTranslation } from 'react-i18next';
import type { SavedFormProps } from '@tuo/shared/pages/save-return-page-model';

/** The last day a saved form can be used, in the reader's language. */
export function useExpiryDate(isoDate: string): string {
  const { t } = useTranslation();
  return new Intl.DateTimeFormat(t('service.locale'), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** After saving: the code to write down (shown once), or where the link went. */
export function SavedFormPage({ expiresOn, outcome, continueHref }: SavedFormProps) {
  const { t } = useTranslation();
  const date = useExpiryDate(expiresOn);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t('saveReturn.saved.title')}</h1>
          {outcome.kind === 'code' ? (
            <div className="govuk-panel__body">
              {t('saveReturn.saved.yourCode')}
              <br />
              <strong id="return-code">{outcome.code}</strong>
            </div>
          ) : null}
        </div>
        {outcome.kind === 'code' ? (
          <>
            <p className="govuk-body">{t('saveReturn.saved.writeDown')}</p>
            <p className="govuk-body">{t('saveReturn.saved.howToReturn')}</p>
          </>
        ) : (
          <p className="govuk-body">{t(`saveReturn.saved.sent.${outcome.channel}`)}</p>
        )}
        <p className="govuk-body">{t('saveReturn.saved.expires', { date })}</p>
        <p className="govuk-body">{t('saveReturn.saved.onlyOnce')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={continueHref}>
            {t('saveReturn.saved.carryOn')}
          </a>
        </p>
      </div>
    </div>
  );
}
