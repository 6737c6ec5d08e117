import { useTranslation } from 'react-i18next';
import { toldName } from '../../i18n/told-name.js';
import type { LifeEventId } from '@tuo/shared';
import type { WhoToTellOption, WhoToTellProps } from '@tuo/shared/pages/page-model';
import { choicesIn } from '@tuo/shared/pages/form-values';
import { ErrorMessage } from '../../components/error-message.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorAt } from '../../components/field-ids.js';
import { PostForm, SubmitButton } from '../../components/post-form.js';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { sourceLanguage } from '../../i18n/i18n.js';
import { useReader } from '../../i18n/reader.js';
import { staffI18n } from '../../staff/staff-i18n.js';

/**
 * Why a service is told, and (folded away, as it can be long) exactly what it will be sent.
 * `indent` lines the details up under a checkbox's label.
 */
function WhatTheyGet({
  lifeEvent,
  option,
  id,
  className,
  indent,
}: {
  lifeEvent: LifeEventId;
  option: WhoToTellOption;
  id?: string;
  className: string;
  indent?: string;
}) {
  const { t } = useTranslation();
  // The kind's own team (no particular organisation known) is named by what it does, in the reader's language.
  const named = (told: { organisationName?: string; organisationFallback?: true }) =>
    toldName(t, option.agency, { name: told.organisationName, fallback: told.organisationFallback }, 'inSentence');
  // A move between councils: each council told, with its own reason and what it is sent.
  if (option.parts)
    return (
      <>
        <div id={id} className={className}>
          {option.parts.map((part) => (
            <span key={part.role} className="govuk-!-display-block govuk-!-margin-bottom-2">
              {t('whoToTell.toldThrough', { organisation: named(part) })}{' '}
              {t(catalogueKey.partPurpose(lifeEvent, option.agency, part.role))}
            </span>
          ))}
        </div>
        {option.parts.map((part) => (
          <div className={indent} key={part.role}>
            <SentFields name={named(part)} fields={part.fields} lifeEvent={lifeEvent} />
          </div>
        ))}
      </>
    );
  return (
    <>
      <div id={id} className={className}>
        {option.organisationName !== undefined || option.organisationFallback ? (
          <>
            {t('whoToTell.toldThrough', { organisation: named(option) })}
            <br />
          </>
        ) : null}
        {t(catalogueKey.purpose(lifeEvent, option.agency))}
      </div>
      <div className={indent}>
        <SentFields
          name={t(catalogueKey.agencyIn(lifeEvent, option.agency, 'nameInSentence'))}
          fields={option.fields}
          lifeEvent={lifeEvent}
        />
      </div>
    </>
  );
}

/** Exactly what one organisation will be sent, folded away. */
function SentFields({ name, fields, lifeEvent }: { name: string; fields: readonly string[]; lifeEvent: LifeEventId }) {
  const { t } = useTranslation();
  return (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('whoToTell.whatTheyGet', { name })}</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-list--bullet">
          {fields.map((field) => (
            <li key={field}>{t(catalogueKey.field(lifeEvent, field, 'errorName'))}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/**
 * Choosing who to tell. Optional services are checkboxes, none ticked until the resident ticks them
 * (consent is opt-in); "Tell all of them" is a second submit button, so it works without
 * JavaScript. Services the life event cannot go ahead without are listed, with why, and no box.
 */
export function WhoToTellPage({ lifeEvent, options, form }: WhoToTellProps) {
  const { t } = useTranslation();
  // An adviser chooses with the resident: the page speaks to them about the resident, in English.
  const adviser = useReader() === 'adviser';
  const staffT = staffI18n.getFixedT(sourceLanguage, 'staff');
  const text = (key: 'title' | 'intro' | 'canAlsoTell' | 'tickHint' | 'mustTellWhy') =>
    adviser ? staffT(`assistedJourney.whoToTell.${key}`) : t(`whoToTell.${key}`);
  const required = options.filter((option) => option.required);
  const optional = options.filter((option) => !option.required);
  const ticked = choicesIn(form.values.consent);
  const error = errorAt(form.errors, 'consent');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{text('title')}</h1>
        <p className="govuk-body">{text('intro')}</p>
        {required.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('whoToTell.mustTell')}</h2>
            <p className="govuk-body">{text('mustTellWhy')}</p>
            <ul className="govuk-list">
              {required.map((option) => (
                <li key={option.agency}>
                  <strong>{t(catalogueKey.agencyIn(lifeEvent, option.agency, 'name'))}</strong>
                  <WhatTheyGet lifeEvent={lifeEvent} option={option} className="govuk-body" />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <PostForm form={form}>
          {optional.length > 0 ? (
            <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
              <fieldset
                className="govuk-fieldset"
                aria-describedby={error ? 'consent-hint consent-error' : 'consent-hint'}
              >
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  {required.length > 0 ? text('canAlsoTell') : t('whoToTell.chooseWhoToTell')}
                </legend>
                <div id="consent-hint" className="govuk-hint">
                  {text('tickHint')}
                </div>
                <ErrorMessage id="consent-error" error={error} />
                <div className="govuk-checkboxes">
                  {optional.map((option, index) => {
                    const id = index === 0 ? 'consent' : `consent-${index + 1}`;
                    return (
                      <div className="govuk-checkboxes__item" key={option.agency}>
                        <input
                          className="govuk-checkboxes__input"
                          id={id}
                          name="consent"
                          type="checkbox"
                          value={option.agency}
                          defaultChecked={ticked.includes(option.agency)}
                          aria-describedby={`${id}-item-hint`}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {t(catalogueKey.agencyIn(lifeEvent, option.agency, 'name'))}
                        </label>
                        <WhatTheyGet
                          lifeEvent={lifeEvent}
                          option={option}
                          id={`${id}-item-hint`}
                          className="govuk-hint govuk-checkboxes__hint"
                          indent="govuk-checkboxes__hint"
                        />
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
          ) : null}
          <div className="govuk-button-group">
            <SubmitButton>{t('actions.continue')}</SubmitButton>
            {optional.length > 0 ? (
              <button
                type="submit"
                name="tellAll"
                value="all"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
              >
                {t('whoToTell.tellAll')}
              </button>
            ) : null}
          </div>
        </PostForm>
      </div>
    </div>
  );
}
