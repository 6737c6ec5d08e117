import { useTranslation } from 'react-i18next';
import type { LifeEventId } from '@tuo/shared';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { errorAt } from '../components/field-ids.js';
import { PostForm } from '../components/post-form.js';
import { catalogueKey } from '../i18n/catalogue-keys.js';
import { TextField } from './text-field.js';

/** The confirmation step before an admin erases a submission's personal data early: a reason, and a tick to confirm. */
export function ErasePage({
  reference,
  lifeEvent,
  notSent,
  unopened,
  form,
}: {
  reference: string;
  lifeEvent: LifeEventId;
  notSent: readonly string[];
  unopened: readonly string[];
  form: FormProps;
}) {
  const { t } = useTranslation('staff');
  const confirmError = errorAt(form.errors, 'confirm');
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <span className="govuk-caption-l">{t(catalogueKey.journey(lifeEvent, 'title'))}</span>
      <h1 className="govuk-heading-l">{t('erase.title', { reference })}</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">{t('erase.warning')}</strong>
      </div>
      {notSent.length > 0 || unopened.length > 0 ? (
        <div className="govuk-inset-text" id="not-yet-received">
          {notSent.length > 0 ? (
            <p className="govuk-body">{t('erase.notSent', { organisations: notSent.join(', ') })}</p>
          ) : null}
          {unopened.length > 0 ? (
            <p className="govuk-body">{t('erase.unopened', { organisations: unopened.join(', ') })}</p>
          ) : null}
        </div>
      ) : null}
      <PostForm form={form}>
        <TextField form={form} name="reason" label={t('erase.reason')} hint={t('erase.reasonHint')} multiline />
        <div className={`govuk-form-group${confirmError ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={confirmError ? 'confirm-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('erase.confirm')}</legend>
            <ErrorMessage id="confirm-error" error={confirmError} />
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="confirm"
                  name="confirm"
                  type="checkbox"
                  value="yes"
                  defaultChecked={form.values.confirm === 'yes'}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="confirm">
                  {t('erase.confirmLabel')}
                </label>
              </div>
            </div>
          </fieldset>
        </div>
        <div className="govuk-button-group">
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            data-prevent-double-click="true"
          >
            {t('erase.submit')}
          </button>
          <a className="govuk-link" href={`/staff/submissions/${encodeURIComponent(reference)}`}>
            {t('erase.cancel')}
          </a>
        </div>
      </PostForm>
    </>
  );
}
