import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { DeliveryHistory } from '@tuo/shared/api/staff-submissions';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { deliveryStateKey, formatDateTime, statusTagClass } from './staff-format.js';
import { TextField } from './text-field.js';

function Repair({ delivery, form }: { delivery: DeliveryHistory; form: FormProps }) {
  const { t } = useTranslation('staff');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-third">
        <form method="post" action={`/staff/deliveries/${delivery.id}/retry`}>
          <input type="hidden" name="_csrf" value={form.csrfToken} />
          <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('submission.retry')}
          </button>
        </form>
      </div>
      <div className="govuk-grid-column-two-thirds">
        <form method="post" action={`/staff/deliveries/${delivery.id}/handled-offline`} noValidate>
          <input type="hidden" name="_csrf" value={form.csrfToken} />
          <TextField
            form={form}
            name={`note-${delivery.id}`}
            label={t('submission.offlineNote')}
            hint={t('submission.offlineHint')}
            multiline
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('submission.markHandled')}
          </button>
        </form>
      </div>
    </div>
  );
}

/** One agency's delivery: where it stands, every change of status and every attempt, and (for supervisors) repairs. */
export function DeliveryHistoryView({
  delivery,
  canRepair,
  form,
}: {
  delivery: DeliveryHistory;
  canRepair: boolean;
  form: FormProps;
}) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`delivery-${delivery.id}`}>
      <h3 className="govuk-heading-s" id={`delivery-${delivery.id}`}>
        <DeliveryName delivery={delivery} />{' '}
        <strong className={statusTagClass(delivery.status)}>{t(deliveryStateKey(delivery.status, delivery))}</strong>
      </h3>
      <p className="govuk-body-s">
        {t('submission.deliverySummary', {
          attempts: delivery.attempts,
          transport: delivery.transport ?? t('submission.transportUnknown'),
          webhookId: delivery.webhookId,
        })}
        {delivery.lastError ? ` ${t('submission.lastError', { error: delivery.lastError })}` : ''}
        {delivery.outcome ? ` ${t('submission.outcome', { outcome: delivery.outcome })}` : ''}
        {delivery.agencyReference ? ` ${t('submission.agencyReference', { reference: delivery.agencyReference })}` : ''}
      </p>
      {delivery.rejectedAfterCheck ? (
        <p className="govuk-body-s" id={`rejected-${delivery.id}`}>
          {delivery.rejectedAfterCheck.reason
            ? t('submission.rejectedAfterCheck', {
                at: formatDateTime(delivery.rejectedAfterCheck.at),
                reason: delivery.rejectedAfterCheck.reason,
              })
            : t('submission.rejectedAfterCheckErased', { at: formatDateTime(delivery.rejectedAfterCheck.at) })}
        </p>
      ) : null}
      {delivery.missedTargets.length > 0 ? (
        <p className="govuk-body-s">
          <strong className="govuk-tag govuk-tag--orange">
            {t('submission.missedTargets', {
              targets: delivery.missedTargets.map((target) => t(`submission.targetNames.${target}`)).join(', '),
            })}
          </strong>
        </p>
      ) : null}
      <TableScroller captionId={captionId}>
        <table className="govuk-table govuk-!-font-size-16">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--s">
            {t('submission.attemptsCaption')}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['attempt', 'started', 'duration', 'outcome', 'statusCode', 'error'].map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`submission.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {delivery.attemptHistory.map((attempt) => (
              <tr key={attempt.attempt} className="govuk-table__row">
                <td className="govuk-table__cell">{attempt.attempt}</td>
                <td className="govuk-table__cell">{formatDateTime(attempt.startedAt)}</td>
                <td className="govuk-table__cell">{t('submission.milliseconds', { ms: attempt.durationMs })}</td>
                <td className="govuk-table__cell">{attempt.outcome}</td>
                <td className="govuk-table__cell">{attempt.statusCode ?? ''}</td>
                <td className="govuk-table__cell">{attempt.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            {t('submission.eventsSummary', { count: delivery.events.length })}
          </span>
        </summary>
        <div className="govuk-details__text">
          <ol className="govuk-list govuk-list--number">
            {delivery.events.map((event, index) => (
              <li key={index}>
                {formatDateTime(event.at)}: {event.status}
                {event.detail ? ` (${event.detail})` : ''}
              </li>
            ))}
          </ol>
        </div>
      </details>
      {canRepair && delivery.status === 'failed' ? <Repair delivery={delivery} form={form} /> : null}
    </section>
  );
}

/** The organisation told, with its kind (and its role, when a move told two of the kind). */
export function DeliveryName({
  delivery,
}: {
  delivery: { agency: DeliveryHistory['agency']; organisation?: string | undefined; role?: DeliveryHistory['role'] };
}) {
  const { t } = useTranslation('staff');
  const kind = t(`agencies.${delivery.agency}`);
  // A kind's fallback is often named as the kind itself ("Council"): say it once.
  if (!delivery.organisation || (delivery.organisation === kind && !delivery.role)) return kind;
  const role = delivery.role ? `, ${t(`deliveryRoles.${delivery.role}`)}` : '';
  return `${delivery.organisation} (${kind}${role})`;
}
