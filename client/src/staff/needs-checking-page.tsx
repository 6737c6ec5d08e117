import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { NeedsCheckingItem } from '@tuo/shared/api/needs-checking';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { formatDateTime } from './staff-format.js';
import { VerificationTag } from './verification-tag.js';

/** Why a notification waits: the level its report reaches, below the organisation's minimum. */
export function HeldWhy({ item }: { item: NeedsCheckingItem }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <VerificationTag level={item.level} />{' '}
      {t('checking.why', { minimum: t(`checking.levels.${item.minimum}`).toLowerCase() })}
    </>
  );
}

/** Notifications held for a staff check, oldest first, each linking to its check page. */
export function NeedsCheckingPage({
  items,
  done,
}: {
  items: NeedsCheckingItem[];
  done: 'released' | 'still-held' | 'rejected' | null;
}) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  return (
    <>
      {done ? (
        <div
          className="govuk-notification-banner govuk-notification-banner--success"
          role="alert"
          aria-labelledby="done-title"
          data-module="govuk-notification-banner"
        >
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="done-title">
              {t('submission.doneTitle')}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t(`checking.done.${done}`)}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t('checking.title')}</h1>
      <p className="govuk-body">{t('checking.intro')}</p>
      {items.length === 0 ? (
        <p className="govuk-body">{t('checking.none')}</p>
      ) : (
        <TableScroller captionId={captionId}>
          <table className="govuk-table">
            <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
              {t('checking.count', { count: items.length })}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(['reference', 'organisation', 'lifeEvent', 'heldSince', 'why'] as const).map((column) => (
                  <th key={column} scope="col" className="govuk-table__header">
                    {t(`checking.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((item) => (
                <tr key={item.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/staff/needs-checking/${item.id}`}>
                      {item.reference}
                      <span className="govuk-visually-hidden">
                        {' '}
                        {t('checking.checkFor', { organisation: item.organisationName })}
                      </span>
                    </a>
                  </td>
                  <td className="govuk-table__cell">
                    {item.organisationName}
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      {t(catalogueKey.agency(item.agency, 'name'))}
                    </span>
                  </td>
                  <td className="govuk-table__cell">{t(catalogueKey.journey(item.lifeEvent, 'title'))}</td>
                  <td className="govuk-table__cell">{formatDateTime(item.heldSince)}</td>
                  <td className="govuk-table__cell">
                    <HeldWhy item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
