import { useTranslation } from 'react-i18next';
import type { SavedFormUnavailableProps } from '@tuo/shared/pages/save-return-page-model';

const keys = {
  used: 'saveReturn.unavailable.used',
  expired: 'saveReturn.unavailable.expired',
  'too-many-tries': 'saveReturn.unavailable.tooManyTries',
} as const;

/** A saved form that cannot be opened: already used, expired, or too many wrong codes. Says what to do now. */
export function SavedFormUnavailablePage({ reason }: SavedFormUnavailableProps) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`${keys[reason]}Title`)}</h1>
        <p className="govuk-body">{t(`${keys[reason]}Body`)}</p>
        <p className="govuk-body">{t('saveReturn.unavailable.startAgain')}</p>
        <a href="/start" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          {t('saveReturn.unavailable.startButton')}
        </a>
      </div>
    </div>
  );
}
