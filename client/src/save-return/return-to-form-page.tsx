import { useTranslation } from 'react-i18next';
import type { ReturnToFormProps } from '@tuo/shared/pages/save-return-page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostForm, SubmitButton } from '../components/post-form.js';

/** "Return to a saved form": type the code, or (from a link) press one button to open the form. */
export function ReturnToFormPage({ by, form }: ReturnToFormProps) {
  const { t } = useTranslation();
  if (by === 'link') {
    const token = typeof form.values.token === 'string' ? form.values.token : '';
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('saveReturn.link.title')}</h1>
          <p className="govuk-body">{t('saveReturn.link.body')}</p>
          <PostForm form={form}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{t('saveReturn.link.button')}</SubmitButton>
          </PostForm>
        </div>
      </div>
    );
  }
  const error = errorAt(form.errors, 'code');
  const code = typeof form.values.code === 'string' ? form.values.code : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <PostForm form={form}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <h1 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--l" htmlFor="code">
                {t('saveReturn.code.title')}
              </label>
            </h1>
            <div id="code-hint" className="govuk-hint">
              {t('saveReturn.code.hint')}
            </div>
            <ErrorMessage id="code-error" error={error} />
            <input
              className={`govuk-input govuk-input--width-10 govuk-input--extra-letter-spacing${error ? ' govuk-input--error' : ''}`}
              id="code"
              name="code"
              type="text"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="characters"
              defaultValue={code}
              aria-describedby={describedBy('code-hint', error && 'code-error')}
            />
          </div>
          <SubmitButton>{t('actions.continue')}</SubmitButton>
        </PostForm>
        <p className="govuk-body">
          {t('saveReturn.code.noCode')}{' '}
          <a className="govuk-link" href="/start">
            {t('saveReturn.unavailable.startButton')}
          </a>
        </p>
      </div>
    </div>
  );
}
