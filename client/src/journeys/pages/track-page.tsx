import { useTranslation } from 'react-i18next';
import { toldName } from '../../i18n/told-name.js';
import { todayInLondon, type DeliveryStatus } from '@tuo/shared';
import type { HelpContact } from '@tuo/shared/pages/help-contact';
import type { TrackProps } from '@tuo/shared/pages/page-model';
import type { TrackChaseAgency } from '@tuo/shared/pages/track-chase-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { describedBy, errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { leftToRight } from '../../i18n/left-to-right.js';
import { longDate } from '../../i18n/long-date.js';
import { TrackChaseSection } from './track-chase-section.js';
import { HelpDetails } from '../../layout/get-help.js';
import { TrackWithdrawalSection } from './track-withdrawal-section.js';

type TrackRow = NonNullable<TrackProps['result']>['agencies'][number];

/** The colour of each delivery status's tag; its words are `track.status.{status}` (see statusKey). */
const statusTags: Readonly<Record<DeliveryStatus, string>> = {
  held: 'govuk-tag--yellow',
  queued: 'govuk-tag--grey',
  sending: 'govuk-tag--blue',
  delivered: 'govuk-tag--light-blue',
  acknowledged: 'govuk-tag--purple',
  actioned: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  expired: 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};

/**
 * The words of a row's status: a held notification says what it waits for; a cancelled one says
 * whether it was rejected after a check; a delivered one says whether they have received it or it
 * still waits, unopened, in their inbox.
 */
function statusKey(row: TrackRow): string {
  if (row.status === 'held' && row.heldFor === 'check') return 'track.status.heldForCheck';
  if (row.status === 'cancelled' && row.rejectedAfterCheck) return 'track.status.rejectedAfterCheck';
  if (row.status === 'delivered') return row.receivedAt ? 'track.status.received' : 'track.status.waitingInInbox';
  return `track.status.${row.status}`;
}

/** When it was sent and received, what they have done since, and by when they aim to do the rest. */
function Progress({ row, targets }: { row: TrackRow; targets: TrackChaseAgency['targets'] }) {
  const { t } = useTranslation();
  const on = (at: string) => ({ date: longDate(t, todayInLondon(new Date(at))) });
  const lines: { key: string; text: string }[] = [];
  // While it only waits in their inbox, nothing says it was sent to them.
  if (row.sentAt && row.receivedAt) {
    lines.push({ key: 'sent', text: t('track.progress.sent', on(row.sentAt)) });
    lines.push({ key: 'received', text: t('track.progress.received', on(row.receivedAt)) });
  } else if (row.sentAt) lines.push({ key: 'waiting', text: t('track.progress.waitingInInbox', on(row.sentAt)) });
  if (row.acknowledgedAt)
    lines.push({ key: 'acknowledged', text: t('track.progress.acknowledged', on(row.acknowledgedAt)) });
  if (row.actionedAt) lines.push({ key: 'actioned', text: t('track.progress.actioned', on(row.actionedAt)) });
  else if (targets && !['cancelled', 'expired'].includes(row.status)) {
    const by = (date: string) => ({ date: longDate(t, date) });
    if (!row.acknowledgedAt)
      lines.push({ key: 'acknowledgeBy', text: t('track.progress.acknowledgeBy', by(targets.acknowledgeBy)) });
    lines.push({ key: 'actionBy', text: t('track.progress.actionBy', by(targets.actionBy)) });
  }
  if (lines.length === 0) return null;
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      {lines.map((line) => (
        <li key={line.key}>{line.text}</li>
      ))}
    </ul>
  );
}

function TrackResult({ result, chase }: { result: NonNullable<TrackProps['result']>; chase: TrackProps['chase'] }) {
  const { t, i18n } = useTranslation();
  const date = longDate(t, todayInLondon(new Date(result.submittedAt)));
  return (
    <>
      <h1 className="govuk-heading-l">
        {t('track.resultTitle', { reference: i18n.dir() === 'rtl' ? leftToRight(result.reference) : result.reference })}
      </h1>
      <p className="govuk-body">
        {t('track.sentOn', { lifeEvent: t(catalogueKey.journey(result.lifeEvent, 'title')), date })}
      </p>
      {result.confirmation === 'awaiting' ? <p className="govuk-body">{t('track.awaitingConfirmation')}</p> : null}
      {result.agencies.some((row) => row.status === 'held' && row.heldFor === 'check') ? (
        <p className="govuk-body">{t('track.awaitingCheck')}</p>
      ) : null}
      {result.agencies.some((row) => row.rejectedAfterCheck) ? (
        <p className="govuk-body" id="rejected-after-check">
          {t('track.rejectedAfterCheck')}
        </p>
      ) : null}
      {(result.corrections ?? []).map((correction) => (
        <p className="govuk-body" key={correction.at} data-correction="">
          {t('track.corrected', {
            date: longDate(t, todayInLondon(new Date(correction.at))),
            fields: correction.fields.map((name) => t(catalogueKey.field(result.lifeEvent, name, 'label'))).join(', '),
          })}
        </p>
      ))}
      {result.withdrawn ? (
        <div className="govuk-inset-text" id="withdrawn">
          {t(`track.withdrawn.${result.withdrawn.by}`, {
            date: longDate(t, todayInLondon(new Date(result.withdrawn.at))),
          })}
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        {result.agencies.map((row) => (
          <div className="govuk-summary-list__row" key={`${row.agency}:${row.role ?? ''}`}>
            <dt className="govuk-summary-list__key">
              {toldName(t, row.agency, { name: row.organisation, fallback: row.organisationFallback }, 'name')}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                {row.role
                  ? t(`track.role.${row.role}`)
                  : t(catalogueKey.agencyIn(result.lifeEvent, row.agency, 'name'))}
              </span>
            </dt>
            <dd className="govuk-summary-list__value">
              <strong className={`govuk-tag ${statusTags[row.status]}`}>{t(statusKey(row))}</strong>
              {row.agencyReference ? (
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                  {t('track.agencyReference')} <span dir="ltr">{row.agencyReference}</span>
                </span>
              ) : null}
              <Progress
                row={row}
                targets={
                  chase?.agencies.find((agency) => agency.agency === row.agency && agency.role === row.role)?.targets ??
                  null
                }
              />
            </dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href="/track">
          {t('track.another')}
        </a>
      </p>
    </>
  );
}

/** What to do without the reference or code: where to find them, and who to call or visit. */
function LostCode({ help }: { help: HelpContact | undefined }) {
  const { t } = useTranslation();
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('support.lostCode')}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t('support.lostCodeBody')}</p>
        {help ? (
          <>
            <p className="govuk-body">{t('support.lostCodeCallUs')}</p>
            <HelpDetails help={help} />
          </>
        ) : null}
      </div>
    </details>
  );
}

/** The tracking page: reference and tracking code in, each service's status out. */
export function TrackPage({ form, result, chase, withdrawal, help }: TrackProps & { help?: HelpContact | undefined }) {
  const { t } = useTranslation();
  if (result) {
    const errors = [...(chase?.form.errors ?? []), ...(withdrawal?.form.errors ?? [])];
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {chase || withdrawal ? <ErrorSummary errors={errors} focusKey={errors.length > 0 ? 1 : 0} /> : null}
          <TrackResult result={result} chase={chase} />
          {chase ? <TrackChaseSection chase={chase} /> : null}
          {withdrawal ? <TrackWithdrawalSection withdrawal={withdrawal} /> : null}
        </div>
      </div>
    );
  }
  const referenceError = errorAt(form.errors, 'reference');
  const secretError = errorAt(form.errors, 'secret');
  const reference = typeof form.values.reference === 'string' ? form.values.reference : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('track.title')}</h1>
        <p className="govuk-body">{t('track.intro')}</p>
        <PostForm form={form}>
          <div className={`govuk-form-group${referenceError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="reference">
              {t('track.reference')}
            </label>
            <div id="reference-hint" className="govuk-hint">
              {t('track.referenceHint')}
            </div>
            <ErrorMessage id="reference-error" error={referenceError} />
            <input
              className={`govuk-input govuk-input--width-20${referenceError ? ' govuk-input--error' : ''}`}
              id="reference"
              name="reference"
              type="text"
              dir="ltr"
              spellCheck={false}
              defaultValue={reference}
              aria-describedby={describedBy('reference-hint', referenceError && 'reference-error')}
            />
          </div>
          <div className={`govuk-form-group${secretError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="secret">
              {t('track.trackingCode')}
            </label>
            <div id="secret-hint" className="govuk-hint">
              {t('support.trackingCodeHint')}
            </div>
            <ErrorMessage id="secret-error" error={secretError} />
            <input
              className={`govuk-input govuk-input--width-20${secretError ? ' govuk-input--error' : ''}`}
              id="secret"
              name="secret"
              type="text"
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="characters"
              aria-describedby={describedBy('secret-hint', secretError && 'secret-error')}
            />
          </div>
          <SubmitButton>{t('actions.showProgress')}</SubmitButton>
        </PostForm>
        <LostCode help={help} />
      </div>
    </div>
  );
}
