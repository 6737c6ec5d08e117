import { useTranslation } from 'react-i18next';
import type { TrackProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { describedBy, errorAt } from '../../components/field-ids.js';
import { PostForm } from '../../components/post-form.js';

/**
 * "Withdraw this report" on the tracking page, for a report this session unlocked with its code:
 * a plain form asking why (the reason stays with the customer centre). Inside a details element,
 * so nobody withdraws a report by a slip on their way to its progress.
 */
export function TrackWithdrawalSection({ withdrawal }: { withdrawal: NonNullable<TrackProps['withdrawal']> }) {
  const { t } = useTranslation();
  const { form } = withdrawal;
  const error = errorAt(form.errors, 'reason');
  const reference = typeof form.values.reference === 'string' ? form.values.reference : '';
  const typed = typeof form.values.reason === 'string' ? form.values.reason : '';
  return (
    <details className="govuk-details" open={error ? true : undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('track.withdraw.heading')}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t('track.withdraw.intro')}</p>
        <PostForm form={form}>
          <input type="hidden" name="reference" value={reference} />
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="reason">
              {t('track.withdraw.reason')}
            </label>
            <div id="reason-hint" className="govuk-hint">
              {t('track.withdraw.reasonHint')}
            </div>
            <ErrorMessage id="reason-error" error={error} />
            <textarea
              className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
              id="reason"
              name="reason"
              rows={3}
              defaultValue={typed}
              aria-describedby={describedBy('reason-hint', error && 'reason-error')}
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t('track.withdraw.button')}
          </button>
        </PostForm>
      </div>
    </details>
  );
}
