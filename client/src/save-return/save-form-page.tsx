import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveFormProps, SaveMethodKind } from '@tuo/shared/pages/save-return-page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import type { FormProps } from '@tuo/shared/pages/page-model';

/** The address box revealed under "Email" or "Text message". */
function ContactInput({ name, form, type }: { name: 'email' | 'phone'; form: FormProps; type: 'email' | 'tel' }) {
  const { t } = useTranslation();
  const error = errorAt(form.errors, name);
  const value = form.values[name];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {t(`saveReturn.save.${name}Label`)}
      </label>
      <ErrorMessage id={`${name}-error`} error={error} />
      <input
        className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
        id={name}
        name={name}
        type={type}
        spellCheck={false}
        autoComplete={name === 'email' ? 'email' : 'tel'}
        defaultValue={typeof value === 'string' ? value : ''}
        aria-describedby={describedBy(error && `${name}-error`)}
      />
    </div>
  );
}

/** With one way to come back (a code), there is nothing to choose: say what will happen, and one button. */
function SaveByCodePage({ lifetimeDays, form }: SaveFormProps) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('saveReturn.save.codeTitle')}</h1>
        <p className="govuk-body">{t('saveReturn.save.codeBody')}</p>
        <p className="govuk-body">{t('saveReturn.save.hint', { count: lifetimeDays })}</p>
        <PostForm form={form}>
          <input type="hidden" name="method" value="code" />
          <SubmitButton>{t('saveReturn.save.button')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

/** "Save your answers and come back later": a link by email or text, or a code to write down. */
export function SaveFormPage(props: SaveFormProps) {
  if (props.methods.length === 1 && props.methods[0] === 'code') return <SaveByCodePage {...props} />;
  return <SaveByChoicePage {...props} />;
}

function SaveByChoicePage({ methods, lifetimeDays, form }: SaveFormProps) {
  const { t } = useTranslation();
  const served = typeof form.values.method === 'string' ? form.values.method : '';
  const [chosen, setChosen] = useState(served);
  const methodError = errorAt(form.errors, 'method');
  const reveals: Partial<Record<SaveMethodKind, 'email' | 'phone'>> = {
    email: 'email',
    sms: 'phone',
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <PostForm form={form}>
          <div className={`govuk-form-group${methodError ? ' govuk-form-group--error' : ''}`}>
            <fieldset
              className="govuk-fieldset"
              aria-describedby={describedBy('method-hint', methodError && 'method-error')}
            >
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
                <h1 className="govuk-fieldset__heading">{t('saveReturn.save.title')}</h1>
              </legend>
              <div id="method-hint" className="govuk-hint">
                {t('saveReturn.save.hint', { count: lifetimeDays })}
              </div>
              <ErrorMessage id="method-error" error={methodError} />
              <div className="govuk-radios">
                {methods.map((method, index) => {
                  const id = index === 0 ? 'method' : `method-${method}`;
                  const reveal = reveals[method];
                  return [
                    <div className="govuk-radios__item" key={method}>
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name="method"
                        type="radio"
                        value={method}
                        defaultChecked={served === method}
                        aria-controls={reveal ? `conditional-${id}` : undefined}
                        onChange={() => {
                          setChosen(method);
                        }}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {t(`saveReturn.save.methods.${method}`)}
                      </label>
                    </div>,
                    reveal ? (
                      <div
                        className={`govuk-radios__conditional${chosen === method ? '' : ' govuk-radios__conditional--hidden'}`}
                        id={`conditional-${id}`}
                        key={`${method}-conditional`}
                      >
                        <ContactInput name={reveal} form={form} type={reveal === 'email' ? 'email' : 'tel'} />
                      </div>
                    ) : null,
                  ];
                })}
              </div>
            </fieldset>
          </div>
          <SubmitButton>{t('saveReturn.save.button')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
