import { useTranslation } from 'react-i18next';
import { lifeEventIds } from '@tuo/shared';
import { performancePeriods } from '@tuo/shared/api/performance';
import type { PerformanceProps } from '@tuo/shared/pages/performance-page-model';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { PerformanceFiguresView } from './performance-figures-view.js';

/** "How we are doing": choose a period and life event (a GET form), then the figures and downloads. */
export function PerformancePage({ form, period, lifeEvent, figures, downloads }: PerformanceProps) {
  const { t } = useTranslation();
  const p = (key: string) => t(`service-levels:performance.${key}`);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{p('title')}</h1>
          <p className="govuk-body">{p('intro')}</p>
          <p className="govuk-body">{p('privacy')}</p>
          <form method="get" action={form.action}>
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{p('filters')}</legend>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="period">
                  {p('period')}
                </label>
                <select className="govuk-select" id="period" name="period" defaultValue={period}>
                  {performancePeriods.map((value) => (
                    <option key={value} value={value}>
                      {p(`periods.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="lifeEvent">
                  {p('lifeEvent')}
                </label>
                <select className="govuk-select" id="lifeEvent" name="lifeEvent" defaultValue={lifeEvent}>
                  <option value="all">{p('allLifeEvents')}</option>
                  {lifeEventIds.map((id) => (
                    <option key={id} value={id}>
                      {t(catalogueKey.journey(id, 'title'))}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {p('show')}
              </button>
            </fieldset>
          </form>
        </div>
      </div>
      <PerformanceFiguresView figures={figures} lifeEvent={lifeEvent} />
      <h2 className="govuk-heading-m">{p('downloads')}</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={downloads.notificationsCsv} download>
            {p('downloadNotifications')}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={downloads.organisationsCsv} download>
            {p('downloadOrganisations')}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={downloads.reportsCsv} download>
            {p('downloadReports')}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={downloads.json} download>
            {p('downloadJson')}
          </a>
        </li>
      </ul>
    </>
  );
}
