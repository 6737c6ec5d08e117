import { useTranslation } from 'react-i18next';
import { staffCheckKinds, type NeedsCheckingItem } from '@tuo/shared/api/needs-checking';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { errorAt } from '../components/field-ids.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { HeldWhy } from './needs-checking-page.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';

function ReleaseForm({ item, form }: { item: NeedsCheckingItem; form: FormProps }) {
  const { t } = useTranslation('staff');
  const error = errorAt(form.errors, 'kind');
  return (
    <form method="post" action={`/staff/needs-checking/${item.id}/release`} noValidate>
      <input type="hidden" name="_csrf" value={form.csrfToken} />
      <h2 className="govuk-heading-m">{t('checking.release')}</h2>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={error ? 'kind-error' : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('checking.kind')}</legend>
          <ErrorMessage id="kind-error" error={error} />
          <div className="govuk-radios" data-module="govuk-radios">
            {staffCheckKinds.map((kind, index) => {
              const id = index === 0 ? 'kind' : `kind-${kind}`;
              return (
                <div key={kind} className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name="kind"
                    type="radio"
                    value={kind}
                    defaultChecked={form.values.kind === kind}
                    aria-describedby={`${id}-hint`}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {t(`checking.kinds.${kind}.label`)}
                  </label>
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {t(`checking.kinds.${kind}.hint`)}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <TextField form={form} name="note" label={t('checking.note')} hint={t('checking.noteHint')} multiline />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t('checking.releaseButton')}
      </button>
    </form>
  );
}

function RejectForm({ item, form }: { item: NeedsCheckingItem; form: FormProps }) {
  const { t } = useTranslation('staff');
  return (
    <form method="post" action={`/staff/needs-checking/${item.id}/reject`} noValidate>
      <input type="hidden" name="_csrf" value={form.csrfToken} />
      <h2 className="govuk-heading-m">{t('checking.reject')}</h2>
      <p className="govuk-body">{t('checking.rejectIntro', { organisation: item.organisationName })}</p>
      <TextField form={form} name="reason" label={t('checking.reason')} hint={t('checking.reasonHint')} multiline />
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
        {t('checking.rejectButton')}
      </button>
    </form>
  );
}

/** One held notification: why it waits, what its report has had checked, and (supervisors) release or reject. */
export function CheckPage({
  item,
  others,
  canDecide,
  form,
}: {
  item: NeedsCheckingItem;
  others: NeedsCheckingItem[];
  canDecide: boolean;
  form: FormProps;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <a className="govuk-back-link" href="/staff/needs-checking">
        {t('checking.back')}
      </a>
      <h1 className="govuk-heading-l">{t('checking.checkTitle', { reference: item.reference })}</h1>
      <dl className="govuk-summary-list">
        {(
          [
            ['organisation', `${item.organisationName} (${t(catalogueKey.agency(item.agency, 'name'))})`],
            ['lifeEvent', t(catalogueKey.journey(item.lifeEvent, 'title'))],
            ['channel', t(`channels.${item.channel}`)],
            ['heldSince', formatDateTime(item.heldSince)],
            [
              'checks',
              item.checks.length > 0
                ? item.checks.map((kind) => t(`checking.checkKinds.${kind}`)).join(', ')
                : t('checking.noChecks'),
            ],
          ] as const
        ).map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{t(`checking.columns.${key}`)}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('checking.columns.why')}</dt>
          <dd className="govuk-summary-list__value">
            <HeldWhy item={item} />
          </dd>
        </div>
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={`/staff/submissions/${item.reference}`}>
          {t('checking.seeReport')}
        </a>
      </p>
      {others.length > 0 ? (
        <p className="govuk-body">
          {t('checking.others', { organisations: others.map((other) => other.organisationName).join(', ') })}
        </p>
      ) : null}
      {canDecide ? (
        <>
          <ReleaseForm item={item} form={form} />
          <RejectForm item={item} form={form} />
        </>
      ) : (
        <div className="govuk-inset-text">{t('checking.supervisorsOnly')}</div>
      )}
    </>
  );
}
