import { useTranslation } from 'react-i18next';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { CorrectableField } from '@tuo/shared/pages/staff-page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { errorAt } from '../components/field-ids.js';
import { TextField } from './text-field.js';

/** Which answer to correct: a GET form, so it works without JavaScript and changes nothing. */
function ChooseField({ fields, form }: { fields: CorrectableField[]; form: FormProps }) {
  const { t } = useTranslation('staff');
  const error = errorAt(form.errors, 'field');
  return (
    <form method="get" action={form.action} noValidate>
      {/* Says the form was sent, so sending it with no answer picked is an error, not a fresh form. */}
      <input type="hidden" name="choose" value="1" />
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={error ? 'field-error' : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('correction.choose')}</legend>
          <ErrorMessage id="field-error" error={error} />
          <div className="govuk-radios" data-module="govuk-radios">
            {fields.map((field, index) => {
              const id = index === 0 ? 'field' : `field-${field.name}`;
              return (
                <div key={field.name} className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name="field"
                    type="radio"
                    value={field.name}
                    aria-describedby={`${id}-hint`}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {field.label}
                  </label>
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {field.value}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t('correction.continue')}
      </button>
    </form>
  );
}

/** The new value of the chosen answer, posted and checked as a resident's answer would be. */
function NewValue({ field, form }: { field: CorrectableField; form: FormProps }) {
  const { t } = useTranslation('staff');
  return (
    <form method="post" action={form.action} noValidate>
      <input type="hidden" name="_csrf" value={form.csrfToken} />
      <input type="hidden" name="field" value={field.name} />
      <p className="govuk-body">{t('correction.was', { value: field.value })}</p>
      <TextField
        form={form}
        name="value"
        label={t('correction.newValue', { label: field.label })}
        hint={field.kind === 'date' ? t('correction.dateHint') : t('correction.hint')}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t('correction.save')}
        </button>
        <a className="govuk-link" href={form.action}>
          {t('correction.another')}
        </a>
      </div>
    </form>
  );
}

/** A supervisor corrects one answer of a report after it was sent; the organisations told get the new value. */
export function CorrectionPage({
  reference,
  fields,
  chosen,
  unavailable,
  form,
}: {
  reference: string;
  fields: CorrectableField[];
  chosen: CorrectableField | null;
  unavailable: 'withdrawn' | 'erased' | null;
  form: FormProps;
}) {
  const { t } = useTranslation('staff');
  const back = `/staff/submissions/${encodeURIComponent(reference)}`;
  return (
    <>
      <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
      <a className="govuk-back-link" href={back}>
        {t('correction.back')}
      </a>
      <h1 className="govuk-heading-l">{t('correction.title', { reference })}</h1>
      {unavailable ? (
        <div className="govuk-inset-text">{t(`correction.unavailable.${unavailable}`)}</div>
      ) : (
        <>
          <p className="govuk-body">{t('correction.intro')}</p>
          {chosen ? <NewValue field={chosen} form={form} /> : <ChooseField fields={fields} form={form} />}
        </>
      )}
    </>
  );
}
