import { useTranslation } from 'react-i18next';
import type { LifeEventId } from '@tuo/shared';
import type { HelpContact } from '@tuo/shared/pages/help-contact';
import type { ConfirmationProps } from '@tuo/shared/pages/page-model';
import { formatTrackingCode } from '@tuo/shared/identifiers/tracking-code';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { CopyCodeButton } from '../copy-code-button.js';
import { ConfirmCodeSection } from './confirm-code-section.js';

/**
 * What else the resident has to do that we cannot do for them (after a death: register it, banks,
 * DVLA, HMRC, pensions), where the life event has such a list in the catalogue.
 */
function AlsoDo({ lifeEvent, done }: { lifeEvent: LifeEventId; done: readonly string[] }) {
  const { t } = useTranslation();
  const items = t(`confirmation.alsoDo.${lifeEvent}.items`, { returnObjects: true }) as Record<string, string>;
  return (
    <>
      <h2 className="govuk-heading-m">{t(`confirmation.alsoDo.${lifeEvent}.heading`)}</h2>
      <p className="govuk-body">{t(`confirmation.alsoDo.${lifeEvent}.intro`)}</p>
      <ul className="govuk-list govuk-list--bullet">
        {Object.entries(items)
          .filter(([key]) => !done.includes(key))
          .map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
      </ul>
      <p className="govuk-body">
        <a className="govuk-link" href={t(`confirmation.alsoDo.${lifeEvent}.moreHref`)}>
          {t(`confirmation.alsoDo.${lifeEvent}.moreLink`)}
        </a>
      </p>
    </>
  );
}

/**
 * After sending: the reference and the tracking code (shown once); while it waits for its code, the
 * code form; once confirmed, what each service does next, and how to track.
 */
export function ConfirmationPage({
  lifeEvent,
  reference,
  trackingSecret,
  agencies: told,
  messagedBy,
  alsoDoDone,
  confirm,
  awaitingCheck,
  help,
}: ConfirmationProps & { help?: HelpContact | undefined }) {
  const { t, i18n } = useTranslation();
  // Only what is really on its way: with no GOV.UK Notify set up, nothing is sent to the resident.
  const sent = messagedBy.map((channel) => (
    <p className="govuk-body" key={channel}>
      {t(`confirmation.sentBy.${channel}`)}
    </p>
  ));
  const code = trackingSecret ? formatTrackingCode(trackingSecret) : null;
  const trackHref = trackingSecret
    ? `/track?reference=${encodeURIComponent(reference)}&secret=${encodeURIComponent(trackingSecret)}`
    : '/track';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {confirm ? (
          <>
            <h1 className="govuk-heading-l">{t('confirmation.confirmTitle')}</h1>
            <p className="govuk-body">
              {t('confirmation.yourReference')}{' '}
              <strong id="reference" dir="ltr">
                {reference}
              </strong>
            </p>
            <p className="govuk-body">{t('confirmation.notSentYet')}</p>
            <ConfirmCodeSection confirm={confirm} help={help} />
          </>
        ) : (
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
        )}
        <h2 className="govuk-heading-m">{t('confirmation.keepCode')}</h2>
        {trackingSecret ? (
          <>
            <p className="govuk-body">{t('confirmation.keepCodeBody')}</p>
            {sent}
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
        {trackingSecret ? null : sent}
        {awaitingCheck.length > 0 ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">{t('confirmation.awaitingCheck')}</p>
            <ul className="govuk-list govuk-list--bullet">
              {awaitingCheck.map((agency) => (
                <li key={agency}>{t(catalogueKey.agencyIn(lifeEvent, agency, 'name'))}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">{t('confirmation.whatHappensNext')}</h2>
        {confirm ? <p className="govuk-body">{t('confirmation.onceConfirmed')}</p> : null}
        {told.map((agency) => (
          <div key={agency}>
            <h3 className="govuk-heading-s">{t(catalogueKey.agencyIn(lifeEvent, agency, 'name'))}</h3>
            {/* What this agency does about this life event; the general line where there is none. */}
            <p className="govuk-body">
              {t([`support.nextSteps.${lifeEvent}.${agency}`, `confirmation.next.${agency}`])}
            </p>
          </div>
        ))}
        {i18n.exists(`confirmation.alsoDo.${lifeEvent}.heading`) ? (
          <AlsoDo lifeEvent={lifeEvent} done={alsoDoDone} />
        ) : null}
        <p className="govuk-body">
          <a className="govuk-link" href="/start">
            {t('confirmation.somethingElse')}
          </a>
        </p>
      </div>
    </div>
  );
}
