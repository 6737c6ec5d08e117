import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import { lifeEventIds } from '@tuo/shared';
import { workListStatuses } from '@tuo/shared/api/agency-portal';
import { verificationLevels } from '@tuo/shared/verification/verification';
import { LevelTag } from './level-tag.js';
import type { WorkListView } from '@tuo/shared/pages/agency-page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { formatDateTime, statusTagClass } from '../staff/staff-format.js';
import { MissedTargetTags } from './missed-target-tags.js';
import { NoticeTags } from './notice-tags.js';
import { TextField } from '../staff/text-field.js';

/**
 * The agency's work list: a tab per status (links, so they work without JavaScript), filters by
 * life event and delivery date (a GET form), one page of notifications, and the CSV export.
 */
export function WorkListPage({
  query,
  form,
  items,
  total,
  previousHref,
  nextHref,
  exportHref,
  tabHrefs,
}: WorkListView) {
  const { t } = useTranslation('agency');
  const captionId = useId();
  const lifeEvent = typeof form.values.lifeEvent === 'string' ? form.values.lifeEvent : '';
  const level = typeof form.values.level === 'string' ? form.values.level : '';
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <h1 className="govuk-heading-l">{t('notifications.title')}</h1>
      <nav aria-label={t('notifications.tabs')} className="govuk-!-margin-bottom-6">
        <ul className="govuk-list">
          {workListStatuses.map((status) => (
            <li key={status} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              {status === query.status ? (
                <a
                  className="govuk-link govuk-link--no-visited-state govuk-!-font-weight-bold"
                  href={tabHrefs[status]}
                  aria-current="page"
                >
                  {t(`status.${status}`)}
                </a>
              ) : (
                <a className="govuk-link govuk-link--no-visited-state" href={tabHrefs[status]}>
                  {t(`status.${status}`)}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={form.action} noValidate>
        <input type="hidden" name="status" value={query.status} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="lifeEvent">
                {t('notifications.lifeEvent')}
              </label>
              <select className="govuk-select" id="lifeEvent" name="lifeEvent" defaultValue={lifeEvent}>
                <option value="">{t('notifications.anyLifeEvent')}</option>
                {lifeEventIds.map((id) => (
                  <option key={id} value={id}>
                    {t(catalogueKey.journey(id, 'title'))}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField
              form={form}
              name="from"
              label={t('notifications.from')}
              hint={t('notifications.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField
              form={form}
              name="to"
              label={t('notifications.to')}
              hint={t('notifications.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
          </div>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="level">
            {t('notifications.level')}
          </label>
          <select className="govuk-select" id="level" name="level" defaultValue={level}>
            <option value="">{t('notifications.anyLevel')}</option>
            {verificationLevels.map((id) => (
              <option key={id} value={id}>
                {t(`verification.levels.${id}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('notifications.apply')}
        </button>
      </form>
      <TableScroller captionId={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
            {t('notifications.count', { count: total })} ({t(`status.${query.status}`)})
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['reference', 'lifeEvent', 'level', 'status', 'delivered'].map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`notifications.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((item) => (
              <tr key={item.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`/agency/notifications/${item.id}`}>
                    {item.reference}
                  </a>
                </td>
                <td className="govuk-table__cell">{t(catalogueKey.journey(item.lifeEvent, 'title'))}</td>
                <td className="govuk-table__cell">
                  <LevelTag level={item.verificationLevel} />
                </td>
                <td className="govuk-table__cell">
                  <strong className={statusTagClass(item.status)}>{t(`status.${item.status}`)}</strong>
                  <MissedTargetTags missed={item.missedTargets} />
                  <NoticeTags item={item} />
                </td>
                <td className="govuk-table__cell">{formatDateTime(item.deliveredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {items.length === 0 ? <p className="govuk-body">{t('notifications.none')}</p> : null}
      {previousHref || nextHref ? (
        <nav className="govuk-pagination" aria-label={t('notifications.pagination')}>
          {previousHref ? (
            <div className="govuk-pagination__prev">
              <a className="govuk-link govuk-pagination__link" href={previousHref} rel="prev">
                <span className="govuk-pagination__link-title">{t('notifications.previous')}</span>
              </a>
            </div>
          ) : null}
          {nextHref ? (
            <div className="govuk-pagination__next">
              <a className="govuk-link govuk-pagination__link" href={nextHref} rel="next">
                <span className="govuk-pagination__link-title">{t('notifications.next')}</span>
              </a>
            </div>
          ) : null}
        </nav>
      ) : null}
      {total > 0 ? (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={exportHref} download>
              {t('notifications.export')}
            </a>
          </p>
          <p className="govuk-hint">{t('notifications.exportHint')}</p>
        </>
      ) : null}
    </>
  );
}
