import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@tuo/shared/api/staff-dashboard';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { deliveryStateKey, formatDateTime, statusTagClass } from './staff-format.js';
import { DeliveryName } from './delivery-history.js';

function DeliveryTable({ caption, rows }: { caption: string; rows: Dashboard['failing'] }) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  if (rows.length === 0) return <p className="govuk-body">{t('dashboard.none', { what: caption.toLowerCase() })}</p>;
  return (
    <TableScroller captionId={captionId}>
      <table className="govuk-table">
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['reference', 'agency', 'status', 'attempts', 'since', 'lastError'].map((column) => (
              <th key={column} scope="col" className="govuk-table__header">
                {t(`dashboard.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <a className="govuk-link" href={`/staff/submissions/${row.reference}`}>
                  {row.reference}
                </a>
              </td>
              <td className="govuk-table__cell">
                <DeliveryName delivery={row} />
              </td>
              <td className="govuk-table__cell">
                <strong className={statusTagClass(row.status)}>{t(deliveryStateKey(row.status))}</strong>
              </td>
              <td className="govuk-table__cell">{row.attempts}</td>
              <td className="govuk-table__cell">{formatDateTime(row.statusChangedAt)}</td>
              <td className="govuk-table__cell">{row.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/** Notifications past their targets, and residents' requests to chase waiting for staff. */
function ServiceLevels({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h2 className="govuk-heading-m">{t('dashboard.serviceLevels')}</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t('dashboard.missedAcknowledge', { count: dashboard.missedTargets.acknowledge })}</li>
        <li>{t('dashboard.missedAction', { count: dashboard.missedTargets.action })}</li>
        <li>
          <a className="govuk-link" href="/staff/chase-requests">
            {t('dashboard.openChaseRequests', { count: dashboard.openChaseRequests })}
          </a>
        </li>
      </ul>
    </>
  );
}

/** Today's submissions, troubled deliveries, and the oldest notification each agency has not acknowledged. */
export function DashboardPage({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  return (
    <>
      <h1 className="govuk-heading-l">{t('dashboard.title')}</h1>
      <TableScroller captionId={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
            {t('dashboard.today')}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('dashboard.columns.lifeEvent')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('dashboard.columns.channel')}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {t('dashboard.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {dashboard.submissionsToday.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={3}>
                  {t('dashboard.noSubmissions')}
                </td>
              </tr>
            ) : (
              dashboard.submissionsToday.map((row) => (
                <tr key={`${row.lifeEvent}/${row.channel}`} className="govuk-table__row">
                  <td className="govuk-table__cell">{t(catalogueKey.journey(row.lifeEvent, 'title'))}</td>
                  <td className="govuk-table__cell">{t(`channels.${row.channel}`, { defaultValue: row.channel })}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroller>
      <ServiceLevels dashboard={dashboard} />
      <DeliveryTable caption={t('dashboard.failing')} rows={dashboard.failing} />
      <DeliveryTable caption={t('dashboard.waiting')} rows={dashboard.waiting} />
      <h2 className="govuk-heading-m">{t('dashboard.unacknowledged')}</h2>
      {dashboard.oldestUnacknowledged.length === 0 ? (
        <p className="govuk-body">{t('dashboard.allAcknowledged')}</p>
      ) : (
        <dl className="govuk-summary-list">
          {dashboard.oldestUnacknowledged.map((row) => (
            <div key={`${row.agency}:${row.organisation}:${row.reference}`} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">
                <DeliveryName delivery={row} />
              </dt>
              <dd className="govuk-summary-list__value">
                <a className="govuk-link" href={`/staff/submissions/${row.reference}`}>
                  {row.reference}
                </a>{' '}
                {t('dashboard.deliveredAt', { at: formatDateTime(row.deliveredAt) })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
