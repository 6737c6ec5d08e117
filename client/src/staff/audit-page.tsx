import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { AuditPage as AuditPageData } from '@tuo/shared/api/admin-audit';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';

/** A detail's value as words: lists joined, nested objects as "key: value" pairs. */
function readable(value: unknown): string {
  if (Array.isArray(value)) return value.map(readable).join(', ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${readable(inner)}`)
      .join('; ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The audit log for admins: filter by actor, action, reference and days; newest first, a page at a time. */
export function AuditPage({ form, page, nextHref }: { form: FormProps; page: AuditPageData; nextHref: string | null }) {
  const { t } = useTranslation('staff');
  const captionId = useId();
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <h1 className="govuk-heading-l">{t('audit.title')}</h1>
      <form method="get" action={form.action} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField
              form={form}
              name="email"
              label={t('audit.email')}
              hint={t('audit.emailHint')}
              width="govuk-!-width-full"
            />
            <TextField form={form} name="actorId" label={t('audit.actorId')} width="govuk-!-width-full" />
            <TextField
              form={form}
              name="action"
              label={t('audit.action')}
              hint={t('audit.actionHint')}
              width="govuk-!-width-full"
            />
            <TextField form={form} name="reference" label={t('audit.reference')} width="govuk-input--width-20" />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField
              form={form}
              name="from"
              label={t('audit.from')}
              hint={t('audit.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
            <TextField
              form={form}
              name="to"
              label={t('audit.to')}
              hint={t('audit.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t('audit.submit')}
        </button>
      </form>
      <TableScroller captionId={captionId}>
        <table className="govuk-table govuk-!-font-size-16">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
            {t('audit.caption', { count: page.events.length })}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['at', 'who', 'action', 'reference', 'address', 'detail'].map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`audit.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {page.events.map((event) => (
              <tr key={event.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatDateTime(event.at)}</td>
                <td className="govuk-table__cell">
                  {event.actorEmail ?? `${event.actorType}${event.actorId ? ` ${event.actorId}` : ''}`}
                </td>
                <td className="govuk-table__cell">
                  {t(`auditActions.${event.action.replaceAll('.', '_')}`, { defaultValue: event.action })}
                  {/* The code stays, for searching and export. */}
                  <span className="govuk-hint govuk-!-font-size-14 govuk-!-margin-bottom-0 app-audit-code">
                    {event.action}
                  </span>
                </td>
                <td className="govuk-table__cell">{event.reference ?? ''}</td>
                <td className="govuk-table__cell">{event.address ?? ''}</td>
                <td className="govuk-table__cell govuk-!-text-break-word">
                  <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                    {Object.entries(event.detail).map(([key, value]) => (
                      <li key={key}>
                        {key}: {readable(value)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {nextHref ? (
        <nav className="govuk-pagination" aria-label={t('audit.pagination')}>
          <div className="govuk-pagination__next">
            <a className="govuk-link govuk-pagination__link" href={nextHref} rel="next">
              <span className="govuk-pagination__link-title">{t('audit.older')}</span>
            </a>
          </div>
        </nav>
      ) : null}
    </>
  );
}
