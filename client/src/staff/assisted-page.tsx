import { useTranslation } from 'react-i18next';
import { assistedModes, identityChecks } from '@tuo/shared/api/staff-session';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostForm, SubmitButton } from '../components/post-form.js';

function Choices({
  form,
  name,
  type,
  options,
}: {
  form: FormProps;
  name: string;
  type: 'radio' | 'checkbox';
  options: readonly string[];
}) {
  const { t } = useTranslation('staff');
  const error = errorAt(form.errors, name);
  const chosen = [form.values[name] ?? []].flat();
  const checkboxes = type === 'checkbox';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(checkboxes && `${name}-hint`, error && `${name}-error`)}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t(`assisted.${name}`)}</legend>
        {checkboxes ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {t(`assisted.${name}Hint`)}
          </div>
        ) : null}
        <ErrorMessage id={`${name}-error`} error={error} />
        <div
          className={type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes'}
          data-module={type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes'}
        >
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${option}`;
            const base = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
            return (
              <div key={option} className={`${base}__item`}>
                <input
                  className={`${base}__input`}
                  id={id}
                  name={name}
                  type={type}
                  value={option}
                  defaultChecked={chosen.includes(option)}
                  aria-describedby={checkboxes ? `${id}-item-hint` : undefined}
                />
                <label className={`govuk-label ${base}__label`} htmlFor={id}>
                  {t(`assisted.${checkboxes ? 'checks' : 'modes'}.${option}`)}
                </label>
                {checkboxes ? (
                  <div id={`${id}-item-hint`} className={`govuk-hint ${base}__hint`}>
                    {t(`assisted.checkHints.${option}`)}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Before acting for a resident: how, which identity checks were made, and that they agreed. Then the residents' own journeys. */
export function AssistedPage({ form }: { form: FormProps }) {
  const { t } = useTranslation('staff');
  const consentError = errorAt(form.errors, 'consentConfirmed');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('assisted.title')}</h1>
        <p className="govuk-body">{t('assisted.intro')}</p>
        <PostForm form={form}>
          <Choices form={form} name="mode" type="radio" options={assistedModes} />
          <Choices form={form} name="identityChecks" type="checkbox" options={identityChecks} />
          <div className={`govuk-form-group${consentError ? ' govuk-form-group--error' : ''}`}>
            <fieldset
              className="govuk-fieldset"
              aria-describedby={describedBy(consentError && 'consentConfirmed-error')}
            >
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('assisted.consent')}</legend>
              <ErrorMessage id="consentConfirmed-error" error={consentError} />
              <div className="govuk-checkboxes" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="consentConfirmed"
                    name="consentConfirmed"
                    type="checkbox"
                    value="yes"
                    defaultChecked={form.values.consentConfirmed === 'yes'}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="consentConfirmed">
                    {t('assisted.consentLabel')}
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <SubmitButton>{t('assisted.submit')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
