import { useTranslation } from 'react-i18next';
import { agencyKinds, lifeEventIds } from '@tuo/shared';
import type { PerformanceFigures } from '@tuo/shared/api/performance';
import type { LifeEventId } from '@tuo/shared';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { PerformanceFiguresView } from '../performance/performance-figures-view.js';
import { TextField } from './text-field.js';

function Select({
  form,
  name,
  label,
  options,
}: {
  form: FormProps;
  name: string;
  label: string;
  options: [string, string][];
}) {
  const value = form.values[name];
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      <select className="govuk-select" id={name} name={name} defaultValue={typeof value === 'string' ? value : ''}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The open figures for staff, with finer filters: any dates, and one service, life event or channel. */
export function StaffPerformancePage({
  form,
  figures,
  lifeEvent,
}: {
  form: FormProps;
  figures: PerformanceFigures | null;
  lifeEvent: LifeEventId | 'all';
}) {
  const { t } = useTranslation('staff');
  const any: [string, string] = ['', t('performance.any')];
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <h1 className="govuk-heading-l">{t('performance.title')}</h1>
      <p className="govuk-body">{t('performance.intro')}</p>
      <form method="get" action={form.action} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField
              form={form}
              name="from"
              label={t('performance.from')}
              hint={t('audit.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
            <TextField
              form={form}
              name="to"
              label={t('performance.to')}
              hint={t('audit.dayHint')}
              type="date"
              width="govuk-input--width-10"
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              form={form}
              name="agency"
              label={t('performance.agency')}
              options={[any, ...agencyKinds.map((id): [string, string] => [id, t(`agencies.${id}`)])]}
            />
            <Select
              form={form}
              name="lifeEvent"
              label={t('performance.lifeEvent')}
              options={[any, ...lifeEventIds.map((id): [string, string] => [id, t(catalogueKey.journey(id, 'title'))])]}
            />
            <Select
              form={form}
              name="channel"
              label={t('performance.channel')}
              options={[any, ['online', t('channels.online')], ['assisted', t('channels.assisted')]]}
            />
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t('performance.submit')}
        </button>
      </form>
      {figures ? <PerformanceFiguresView figures={figures} lifeEvent={lifeEvent} idPrefix="staff-chart" /> : null}
    </>
  );
}
