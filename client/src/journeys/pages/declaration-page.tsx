import { useTranslation } from 'react-i18next';
import type { DeclarationProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { sourceLanguage } from '../../i18n/i18n.js';
import { useReader } from '../../i18n/reader.js';
import { staffI18n } from '../../staff/staff-i18n.js';

/** The declaration and consent, then send: the one step that cannot be undone. */
export function DeclarationPage({ lifeEvent, agencies: told, form }: DeclarationProps) {
  const { t } = useTranslation();
  const error = errorAt(form.errors, 'declaration');
  // An adviser reads the declaration to the resident and records the agreement they heard.
  const adviser = useReader() === 'adviser';
  const staffT = staffI18n.getFixedT(sourceLanguage, 'staff');
  const text = (key: 'weWillTell' | 'onlyWhatYouSaw' | 'confirmAndSend' | 'confirm') =>
    adviser ? staffT(`assistedJourney.declaration.${key}`) : t(`declaration.${key}`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('declaration.title')}</h1>
        <p className="govuk-body">{text('weWillTell')}</p>
        <ul className="govuk-list govuk-list--bullet">
          {told.map((agency) => (
            <li key={agency}>{t(catalogueKey.agencyIn(lifeEvent, agency, 'name'))}</li>
          ))}
        </ul>
        <p className="govuk-body">{text('onlyWhatYouSaw')}</p>
        {adviser ? (
          <>
            <p className="govuk-body">{staffT('assistedJourney.declaration.readAloud')}</p>
            <div className="govuk-inset-text">{staffT('assistedJourney.declaration.statement')}</div>
          </>
        ) : null}
        <PostForm form={form}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? 'declaration-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{text('confirmAndSend')}</legend>
              <ErrorMessage id="declaration-error" error={error} />
              <div className="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="declaration"
                    name="declaration"
                    type="checkbox"
                    value={adviser ? 'heard-from-resident' : 'confirmed'}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="declaration">
                    {text('confirm')}
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
