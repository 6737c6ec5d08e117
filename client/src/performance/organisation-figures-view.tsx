import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyKinds, type AgencyKind, type LifeEventId } from '@tuo/shared';
import type { OrganisationFigures } from '@tuo/shared/api/performance';
import { TableScroller } from '../components/table-scroller.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { FiguresTableHead } from './figures-table-head.js';
import { figureText } from './figure-text.js';

/** One kind's organisations as a table: sent, and each step's median and share within target. */
function KindTable({ kind, rows }: { kind: AgencyKind; rows: OrganisationFigures[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const text = figureText(t);
  const p = (key: string) => t(`service-levels:performance.${key}`);
  const columns = [
    p('columns.organisation'),
    p('columns.sent'),
    p('columns.acknowledgeMedian'),
    p('columns.acknowledgeWithinTarget'),
    p('columns.actionMedian'),
    p('columns.actionWithinTarget'),
  ];
  return (
    <TableScroller captionId={captionId}>
      <table className="govuk-table govuk-!-font-size-16">
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--s">
          {t(catalogueKey.agency(kind, 'name'))}
        </caption>
        <FiguresTableHead columns={columns} />
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.organisation.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.organisation.name}
              </th>
              {[
                text.count(row.sent),
                text.days(row.acknowledge.medianWorkingDays),
                text.share(row.acknowledge.withinTargetShare),
                text.days(row.action.medianWorkingDays),
                text.share(row.action.withinTargetShare),
              ].map((cell, index) => (
                <td key={index} className="govuk-table__cell govuk-table__cell--numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

/**
 * Each organisation's notifications for the chosen life event, a table per kind (in the kinds'
 * order, organisations by name), withheld below 10 as every figure is. Only organisations told in
 * the period are listed.
 */
export function OrganisationFiguresView({
  organisations,
  lifeEvent,
}: {
  organisations: readonly OrganisationFigures[];
  lifeEvent: LifeEventId | 'all';
}) {
  const { t } = useTranslation();
  const p = (key: string) => t(`service-levels:performance.${key}`);
  const rows = organisations.filter((row) => row.lifeEvent === lifeEvent);
  return (
    <>
      <h2 className="govuk-heading-m">{p('sections.organisations')}</h2>
      <p className="govuk-body">{p('organisationsIntro')}</p>
      {rows.length === 0 ? <p className="govuk-body">{p('noOrganisations')}</p> : null}
      {agencyKinds.map((kind) => {
        const ofKind = rows.filter((row) => row.agency === kind);
        return ofKind.length === 0 ? null : <KindTable key={kind} kind={kind} rows={ofKind} />;
      })}
    </>
  );
}
