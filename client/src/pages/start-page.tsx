import { useTranslation } from 'react-i18next';
import { lifeEventIds } from '@tuo/shared/journeys/life-event-ids';
import { catalogueKey } from '../i18n/catalogue-keys.js';

/** The first page a resident sees: what the service does, what they need, and other ways to do it. */
export function StartPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t('start.title')}</h1>
        <p className="govuk-body">{t('start.intro')}</p>
        <p className="govuk-body">{t('start.canTellUs')}</p>
        <ul className="govuk-list govuk-list--bullet">
          {lifeEventIds.map((id) => (
            <li key={id}>{t(catalogueKey.journey(id, 'title'))}</li>
          ))}
        </ul>
        <p className="govuk-body">{t('start.whoWeTell')}</p>
        <h2 className="govuk-heading-m">{t('start.beforeYouStart')}</h2>
        <p className="govuk-body">{t('start.howLong')}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('start.needNiNumbers')}</li>
          <li>{t('start.needNhsNumbers')}</li>
          <li>{t('start.needAddresses')}</li>
        </ul>
        <a
          href="/start"
          role="button"
          draggable="false"
          className="govuk-button govuk-button--start"
          data-module="govuk-button"
        >
          {t('actions.startNow')}
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </a>
        <p className="govuk-body">
          {t('saveReturn.startPageText')}{' '}
          <a className="govuk-link" href="/return">
            {t('saveReturn.startPageLink')}
          </a>
        </p>
        <p className="govuk-body">
          {t('start.alreadySent')}{' '}
          <a className="govuk-link" href="/track">
            {t('start.trackLink')}
          </a>
        </p>
        <h2 className="govuk-heading-m">{t('start.otherWays')}</h2>
        <p className="govuk-body">{t('start.assisted')}</p>
      </div>
    </div>
  );
}
