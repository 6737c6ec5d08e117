import { useId, type ReactNode } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { LifeEventId } from '@tuo/shared';
import type { NotificationFigures, PerformanceFigures } from '@tuo/shared/api/performance';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { BarChart, type Bar } from './bar-chart.js';
import { FiguresTableHead } from './figures-table-head.js';
import { figureText } from './figure-text.js';
import { OrganisationFiguresView } from './organisation-figures-view.js';

/** A chart and, beside it, the table with the same figures. */
function ChartWithTable({
  heading,
  chart,
  columns,
  rows,
}: {
  heading: string;
  chart: ReactNode;
  columns: string[];
  rows: string[][];
}) {
  const captionId = useId();
  return (
    <div className="govuk-grid-row govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s govuk-grid-column-full">{heading}</h3>
      <div className="govuk-grid-column-one-half">{chart}</div>
      <div className="govuk-grid-column-one-half">
        <TableScroller captionId={captionId}>
          <table className="govuk-table govuk-!-font-size-16">
            <caption id={captionId} className="govuk-table__caption govuk-visually-hidden">
              {heading}
            </caption>
            <FiguresTableHead columns={columns} />
            <tbody className="govuk-table__body">
              {rows.map(([head, ...cells]) => (
                <tr key={head} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {head}
                  </th>
                  {cells.map((cell, index) => (
                    <td key={index} className="govuk-table__cell govuk-table__cell--numeric">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      </div>
    </div>
  );
}

/**
 * The figures as charts with tables: per service for the chosen life event (notifications sent,
 * working days to acknowledge and to action, shares within target), then per organisation, then per life event (reports,
 * made with an adviser, services told per report, contacts saved). Used by the public page and the
 * staff console alike.
 */
export function PerformanceFiguresView({
  figures,
  lifeEvent,
  idPrefix = 'chart',
}: {
  figures: PerformanceFigures;
  lifeEvent: LifeEventId | 'all';
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const text = figureText(t);
  const p = (key: string) => t(`service-levels:performance.${key}`);
  const agencyName = (row: NotificationFigures) => t(catalogueKey.agency(row.agency, 'name'));
  const lifeEventName = (id: LifeEventId | 'all') =>
    id === 'all' ? p('allLifeEvents') : t(catalogueKey.journey(id, 'title'));
  const rows = figures.notifications.filter((row) => row.lifeEvent === lifeEvent);
  const chart = (key: string, bars: Bar[]) => (
    <BarChart
      id={`${idPrefix}-${key}`}
      title={p(`charts.${key}.title`)}
      description={p(`charts.${key}.desc`)}
      bars={bars}
    />
  );
  const step = (kind: 'acknowledge' | 'action') => (
    <ChartWithTable
      heading={p(`charts.${kind}.title`)}
      chart={chart(
        kind,
        rows.map((row) => ({
          label: agencyName(row),
          value: row[kind].medianWorkingDays,
          text: text.days(row[kind].medianWorkingDays),
        })),
      )}
      columns={[
        p('columns.agency'),
        p(`columns.${kind}Done`),
        p('columns.median'),
        p('columns.p90'),
        p('columns.withinTarget'),
      ]}
      rows={rows.map((row) => [
        agencyName(row),
        text.count(row[kind].done),
        text.days(row[kind].medianWorkingDays),
        text.days(row[kind].p90WorkingDays),
        text.share(row[kind].withinTargetShare),
      ])}
    />
  );
  const share = (kind: 'acknowledge' | 'action') => (
    <ChartWithTable
      heading={p(`charts.${kind}Target.title`)}
      chart={chart(
        `${kind}Target`,
        rows.map((row) => ({
          label: agencyName(row),
          value: row[kind].withinTargetShare,
          text: text.share(row[kind].withinTargetShare),
        })),
      )}
      columns={[p('columns.agency'), p('columns.withinTarget')]}
      rows={rows.map((row) => [agencyName(row), text.share(row[kind].withinTargetShare)])}
    />
  );
  return (
    <>
      <p className="govuk-body">
        {t('service-levels:performance.range', {
          from: formatDay(t('service.locale'), figures.from),
          to: formatDay(t('service.locale'), figures.to),
        })}
      </p>
      <h2 className="govuk-heading-m">{p('sections.notifications')}</h2>
      <ChartWithTable
        heading={p('charts.sent.title')}
        chart={chart(
          'sent',
          rows.map((row) => ({ label: agencyName(row), value: row.sent, text: text.count(row.sent) })),
        )}
        columns={[p('columns.agency'), p('columns.sent')]}
        rows={rows.map((row) => [agencyName(row), text.count(row.sent)])}
      />
      {step('acknowledge')}
      {share('acknowledge')}
      {step('action')}
      {share('action')}
      <OrganisationFiguresView organisations={figures.organisations} lifeEvent={lifeEvent} />
      <h2 className="govuk-heading-m">{p('sections.reports')}</h2>
      <ChartWithTable
        heading={p('charts.reports.title')}
        chart={chart(
          'reports',
          figures.submissions.map((row) => ({
            label: lifeEventName(row.lifeEvent),
            value: row.agenciesPerSubmission,
            text: text.average(row.agenciesPerSubmission),
          })),
        )}
        columns={[
          p('columns.lifeEvent'),
          p('columns.reports'),
          p('columns.assisted'),
          p('columns.perReport'),
          p('columns.contactsSaved'),
        ]}
        rows={figures.submissions.map((row) => [
          lifeEventName(row.lifeEvent),
          text.count(row.submissions),
          text.share(row.assistedShare),
          text.average(row.agenciesPerSubmission),
          text.count(row.contactsSaved),
        ])}
      />
    </>
  );
}

function formatDay(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(iso));
}
