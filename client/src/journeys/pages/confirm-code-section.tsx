import { useTranslation } from 'react-i18next';
import type { HelpContact } from '@tuo/shared/pages/help-contact';
import type { ConfirmStep } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { describedBy, errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';

/**
 * Confirming a report by the code sent to the resident: nothing is sent to any service before.
 * With neither email nor mobile there is no code, so the page says how to report with an adviser.
 */
export function ConfirmCodeSection({ confirm, help }: { confirm: ConfirmStep; help: HelpContact | undefined }) {
  const { t } = useTranslation();
  const { form } = confirm;
  const error = errorAt(form.errors, 'code');
  if (!confirm.sentTo) {
    return (
      <>
        <h2 className="govuk-heading-m">{t('confirmation.noContactTitle')}</h2>
        <p className="govuk-body">{t('confirmation.noContact')}</p>
        {help ? (
          <p className="govuk-body">
            {t('confirmation.noContactHelp', { phone: help.phone, hours: help.hours, centre: help.centre })}
          </p>
        ) : null}
        <p className="govuk-body">{t('confirmation.expiresNote')}</p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      {confirm.newCodeSent ? (
        <div className="govuk-inset-text" role="status">
          {t('confirmation.newCodeSent')}
        </div>
      ) : null}
      {confirm.trialCode ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('confirmation.trialWarning')}</span>
            {t('confirmation.trialNotice')}{' '}
            <span id="trial-code" dir="ltr">
              {confirm.trialCode}
            </span>
          </strong>
        </div>
      ) : null}
      <PostForm form={form}>
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <h2 className="govuk-label-wrapper">
            <label className="govuk-label govuk-label--m" htmlFor="code">
              {t('confirmation.codeLabel')}
            </label>
          </h2>
          <div id="code-hint" className="govuk-hint">
            {t(confirm.sentTo === 'sms' ? 'confirmation.codeSentSms' : 'confirmation.codeSentEmail')}
          </div>
          <ErrorMessage id="code-error" error={error} />
          <input
            className={`govuk-input govuk-input--width-5${error ? ' govuk-input--error' : ''}`}
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            dir="ltr"
            defaultValue={typeof form.values.code === 'string' ? form.values.code : ''}
            aria-describedby={describedBy('code-hint', error && 'code-error')}
          />
        </div>
        <SubmitButton preventDoubleClick>{t('confirmation.confirmButton')}</SubmitButton>
      </PostForm>
      <h2 className="govuk-heading-s">{t('confirmation.noCode')}</h2>
      <form method="post" action={confirm.newCodeAction}>
        <input type="hidden" name="_csrf" value={form.csrfToken} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('confirmation.sendNewCode')}
        </button>
      </form>
      <p className="govuk-body">{t('confirmation.expiresNote')}</p>
    </>
  );
}
