import { useTranslation } from 'react-i18next';
import type { SavedFormUnavailableProps } from '@tuo/shared/pages/save-return-page-model';

const keys = {
  submitted: 'saveReturn.unavailable.submitted',
  used: 'saveReturn.unavailable.used',
  expired: 'saveReturn.unavailable.expired',
  'too-many-tries': 'saveReturn.unavailable.tooManyTries',
} as const;

/**
 * A saved form that cannot be opened: its report already sent (then: where to track it, not a
 * second chance to send it), already used, expired, or too many wrong codes. Says what to do now.
 */
export function SavedFormUnavailablePage(props: SavedFormUnavailableProps) {
  const { t } = useTranslation();
  const { reason } = props;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`${keys[reason]}Title`)}</h1>
        <p className="govuk-body">{t(`${keys[reason]}Body`)}</p>
        {props.reason === 'submitted' ? (
          <>
            <p className="govuk-body">
              {t('saveReturn.unavailable.yourReference')} <strong dir="ltr">{props.reference}</strong>
            </p>
            <p className="govuk-body">{t('saveReturn.unavailable.trackWithCode')}</p>
            <a
              href={`/track?reference=${encodeURIComponent(props.reference)}`}
              role="button"
              draggable="false"
              className="govuk-button"
              data-module="govuk-button"
            >
              {t('confirmation.trackLink')}
            </a>
          </>
        ) : (
          <>
            <p className="govuk-body">{t('saveReturn.unavailable.startAgain')}</p>
            <a href="/start" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
              {t('saveReturn.unavailable.startButton')}
            </a>
          </>
        )}
      </div>
    </div>
  );
}
