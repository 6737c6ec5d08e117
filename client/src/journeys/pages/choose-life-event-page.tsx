import { useTranslation } from 'react-i18next';
import { lifeEventIds } from '@tuo/shared/journeys/life-event-ids';
import type { ChooseLifeEventProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';

/** "What has happened?": one radio per life event in the catalogue. */
export function ChooseLifeEventPage({ form }: ChooseLifeEventProps) {
  const { t } = useTranslation();
  const error = errorAt(form.errors, 'lifeEvent');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <PostForm form={form}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset
              className="govuk-fieldset"
              aria-describedby={error ? 'lifeEvent-hint lifeEvent-error' : 'lifeEvent-hint'}
            >
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                <h1 className="govuk-fieldset__heading">{t('chooseLifeEvent.title')}</h1>
              </legend>
              <div id="lifeEvent-hint" className="govuk-hint">
                {t('chooseLifeEvent.hint')}
              </div>
              <ErrorMessage id="lifeEvent-error" error={error} />
              <div className="govuk-radios">
                {lifeEventIds.map((id, index) => {
                  const inputId = index === 0 ? 'lifeEvent' : `lifeEvent-${index + 1}`;
                  return (
                    <div className="govuk-radios__item" key={id}>
                      <input
                        className="govuk-radios__input"
                        id={inputId}
                        name="lifeEvent"
                        type="radio"
                        value={id}
                        aria-describedby={`${inputId}-item-hint`}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                        {t(catalogueKey.journey(id, 'title'))}
                      </label>
                      <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                        {t(catalogueKey.journey(id, 'summary'))}
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <SubmitButton>{t('actions.continue')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
