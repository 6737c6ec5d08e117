import { useTranslation } from 'react-i18next';
import type { DeclarationProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';

/** The declaration and consent, then send: the one step that cannot be undone. */
export function DeclarationPage({ lifeEvent, agencies: told, form }: DeclarationProps) {
  const { t } = useTranslation();
  const error = errorAt(form.errors, 'declaration');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('declaration.title')}</h1>
        <p className="govuk-body">{t('declaration.weWillTell')}</p>
        <ul className="govuk-list govuk-list--bullet">
          {told.map((agency) => (
            <li key={agency}>{t(catalogueKey.agencyIn(lifeEvent, agency, 'name'))}</li>
          ))}
        </ul>
        <p className="govuk-body">{t('declaration.onlyWhatYouSaw')}</p>
        <PostForm form={form}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? 'declaration-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                {t('declaration.confirmAndSend')}
              </legend>
              <ErrorMessage id="declaration-error" error={error} />
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="declaration"
                    name="declaration"
                    type="checkbox"
                    value="confirmed"
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="declaration">
                    {t('declaration.confirm')}
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <SubmitButton preventDoubleClick>{t('actions.acceptAndSend')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
