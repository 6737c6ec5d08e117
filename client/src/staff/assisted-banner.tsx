import type { AssistedBanner } from '@tuo/shared/pages/assisted-banner';
import { sourceLanguage } from '../i18n/i18n.js';
import { staffI18n } from './staff-i18n.js';

/**
 * Above every resident page an adviser runs for a resident: whom they are helping and how, who is
 * signed in, and the way back to the console. In English, as the console is.
 */
export function AssistedBannerView({ banner }: { banner: AssistedBanner }) {
  const t = staffI18n.getFixedT(sourceLanguage, 'staff');
  const mode = t(`assistedJourney.modes.${banner.mode}`);
  return (
    <div
      className="govuk-notification-banner app-assisted-banner"
      role="region"
      aria-labelledby="assisted-banner-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="assisted-banner-title">
          {t('assistedJourney.label')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {banner.residentName
            ? t('assistedJourney.helpingNamed', { name: banner.residentName, mode })
            : t('assistedJourney.helping', { mode })}
        </p>
        <p className="govuk-body">{t('assistedJourney.signedInAs', { name: banner.adviser })}</p>
        <p className="govuk-body" id="resident-language">
          {t('assistedJourney.residentLanguage', { language: t(`languages.${banner.residentLanguage}`) })}
        </p>
        <p className="govuk-body">
          <a className="govuk-notification-banner__link" href="/staff/dashboard">
            {t('assistedJourney.backToConsole')}
          </a>
        </p>
      </div>
    </div>
  );
}
