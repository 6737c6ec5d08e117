import { useTranslation } from 'react-i18next';
import { NoticeBanner } from '../components/notice-banner.js';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { formatDateTime, statusTagClass } from '../staff/staff-format.js';
import { MissedTargetTags } from './missed-target-tags.js';
import { NoticeTags } from './notice-tags.js';
import { LevelTag } from './level-tag.js';
import { CharacterCountField } from './character-count-field.js';
import { SuccessBanner } from '../components/success-banner.js';
import { TextField } from '../staff/text-field.js';
import { AnswerRowsList } from '../components/answer-rows-list.js';
import { HandledRow, ReportOriginRows, TargetRows } from './notification-facts-rows.js';

type NotificationProps = Omit<Extract<AgencyPageProps, { view: 'notification' }>, 'view' | 'nav'>;

/**
 * One notification: its state, how the report was made and by which adviser, who moved it on and its
 * target dates, its routed answers with the catalogue's labels; acknowledge and "actioned" with an outcome.
 */
export function NotificationPage({ notification, form, acknowledgeAction, outcomeMaxLength, done }: NotificationProps) {
  const { t } = useTranslation('agency');
  // One reference field on the page: on the acknowledge form while there is one, else with "actioned".
  const referenceField = (
    <TextField
      form={form}
      name="reference"
      label={t('notification.referenceLabel')}
      hint={t(`kinds.${notification.agency}.referenceHint`)}
      width="govuk-input--width-20"
    />
  );
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      {done ? (
        <SuccessBanner title={t('notification.doneTitle')}>
          <p className="govuk-notification-banner__heading">{t(`notification.done.${done}`)}</p>
        </SuccessBanner>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href="/agency/notifications">
          {t('notification.back')}
        </a>
      </p>
      <span className="govuk-caption-l">{t(catalogueKey.journey(notification.lifeEvent, 'title'))}</span>
      <h1 className="govuk-heading-l">{t('notification.title', { reference: notification.reference })}</h1>
      {notification.withdrawn ? (
        <NoticeBanner id="withdrawn" title={t('notices.withdrawn')}>
          <p className="govuk-notification-banner__heading">
            {t(`notices.withdrawnBy.${notification.withdrawn.by}`, { at: formatDateTime(notification.withdrawn.at) })}
          </p>
        </NoticeBanner>
      ) : null}
      {notification.answersErased ? (
        <div className="govuk-inset-text" id="erased">
          <h2 className="govuk-heading-s">{t('notices.erasedTitle')}</h2>
          <p className="govuk-body">
            {t(`notices.erasedBy.${notification.answersErased.kind}`, {
              at: formatDateTime(notification.answersErased.at),
            })}
          </p>
        </div>
      ) : null}
      {notification.corrections.length > 0 ? (
        <NoticeBanner id="corrected" title={t('notices.correctedTitle')}>
          <p className="govuk-notification-banner__heading">{t('notices.correctedHeading')}</p>
          <ul className="govuk-list govuk-list--bullet">
            {notification.corrections.map((correction) => (
              <li key={correction.at}>
                {t('notices.correctedOn', {
                  at: formatDateTime(correction.at),
                  fields: correction.labels.join(', '),
                })}
              </li>
            ))}
          </ul>
          <p className="govuk-body">{t('notices.correctedCheck')}</p>
        </NoticeBanner>
      ) : null}
      {notification.unplacedAddresses.length > 0 ? (
        <div className="govuk-inset-text" id="unplaced-addresses">
          <h2 className="govuk-heading-s">{t('notices.unplacedTitle')}</h2>
          {notification.unplacedAddresses.map((field) => (
            <p className="govuk-body" key={field}>
              {t('notices.unplacedAddress', { field })}
            </p>
          ))}
        </div>
      ) : null}
      {notification.possibleDuplicateOf ? (
        <div className="govuk-warning-text" id="possible-duplicate">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('notices.warning')}</span>
            {t('notices.possibleDuplicateOf', { reference: notification.possibleDuplicateOf })}
          </strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('notification.status')}</dt>
          <dd className="govuk-summary-list__value">
            <strong className={statusTagClass(notification.status)}>{t(`status.${notification.status}`)}</strong>
            <MissedTargetTags missed={notification.missedTargets} />
            <NoticeTags item={{ ...notification, corrected: notification.corrections.length > 0 }} />
          </dd>
        </div>
        <div className="govuk-summary-list__row" id="verification">
          <dt className="govuk-summary-list__key">{t('verification.row')}</dt>
          <dd className="govuk-summary-list__value">
            <LevelTag level={notification.verification?.level ?? null} />
            <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              {notification.answersErased && !notification.verification
                ? t('verification.erased')
                : t(`verification.meaning.${notification.verification?.level ?? 'none'}`)}
            </p>
            {notification.verification ? (
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {t('verification.checks', {
                  checks: notification.verification.checks
                    .map((check) =>
                      // Evidence the reporter gave names its kind (what to look for in the organisation's own records).
                      [
                        t(`verification.kinds.${check.kind}`),
                        ...(check.kind === 'evidence-given' ? (check.detail ?? []) : []).map((d) =>
                          t(`verification.evidence.${d}`, { defaultValue: d }),
                        ),
                      ].join(': '),
                    )
                    .join(', '),
                  channel: t(`verification.channels.${notification.verification.channel}`),
                })}
              </p>
            ) : null}
          </dd>
        </div>
        <ReportOriginRows facts={notification.facts} />
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('notification.delivered')}</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(notification.deliveredAt)}</dd>
        </div>
        <HandledRow
          id="acknowledged"
          label={t('notification.acknowledged')}
          at={notification.acknowledgedAt}
          by={notification.facts.acknowledgedBy}
        />
        <HandledRow
          id="actioned"
          label={t('notification.actioned')}
          at={notification.actionedAt}
          by={notification.facts.actionedBy}
        />
        <TargetRows targets={notification.facts.targets} />
        {notification.agencyReference ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('notification.agencyReference')}</dt>
            <dd className="govuk-summary-list__value">{notification.agencyReference}</dd>
          </div>
        ) : null}
        {notification.possibleDuplicateOf ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('notices.possibleDuplicateRow')}</dt>
            <dd className="govuk-summary-list__value">{notification.possibleDuplicateOf}</dd>
          </div>
        ) : null}
        {notification.outcome ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t('notification.outcome')}</dt>
            <dd className="govuk-summary-list__value">{notification.outcome}</dd>
          </div>
        ) : null}
      </dl>
      <h2 className="govuk-heading-m">{t('notification.details')}</h2>
      <p className="govuk-hint">{t('notification.detailsHint')}</p>
      {notification.rows.length === 0 && !notification.answersErased ? (
        <p className="govuk-body">{t('notification.noDetails')}</p>
      ) : null}
      <AnswerRowsList rows={notification.rows} />
      {notification.status === 'delivered' ? (
        <form method="post" action={acknowledgeAction}>
          <input type="hidden" name="_csrf" value={form.csrfToken} />
          <p className="govuk-body">{t('notification.acknowledgeHint')}</p>
          {referenceField}
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('notification.acknowledge')}
          </button>
        </form>
      ) : null}
      {notification.status === 'actioned' ? null : (
        <>
          <h2 className="govuk-heading-m">{t('notification.actionTitle')}</h2>
          <PostForm form={form}>
            <CharacterCountField
              form={form}
              name="outcome"
              label={t('notification.outcomeLabel')}
              hint={t(`kinds.${notification.agency}.outcomeHint`)}
              maxLength={outcomeMaxLength}
            />
            {notification.status === 'delivered' ? null : referenceField}
            <SubmitButton>{t('notification.markActioned')}</SubmitButton>
          </PostForm>
        </>
      )}
    </>
  );
}
