import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import { adviserAddressLookupText } from '@tuo/shared/pages/address-lookup-messages';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt, inputId } from '../components/field-ids.js';
import type { FieldError } from '@tuo/shared';
import { leftToRight } from '../i18n/left-to-right.js';
import { useReader } from '../i18n/reader.js';
import { addressOnOneLine } from './address-on-one-line.js';

interface AddressFinderProps {
  name: string;
  /** The look-up as the server rendered it, if the last post was "Find address" or "Use this address". */
  served: AddressLookupState | undefined;
  /** A postcode the look-up in use finds, for the hint. */
  example: string | undefined;
  /** Errors from the server for `{name}.postcode` and `{name}.choice`. */
  errors: readonly FieldError[];
  /** The address's postcode box (its one postcode, which the look-up reads too), registered with the form. */
  postcodeInput: InputHTMLAttributes<HTMLInputElement> & { ref: Ref<HTMLInputElement> };
}

/**
 * "Find an address": the address's postcode, then a list to choose from. Its buttons post the page
 * (the server looks up and renders it again) so it works without JavaScript; with JavaScript the
 * page script asks `/api/address-lookup` instead and draws what it finds in this same markup
 * (`address-script.ts`, `lookup-outcome-markup.ts`: a change here is made there too). Typing the
 * address is always possible, and the postcode box is the typed address's too: the page has one postcode.
 */
export function AddressFinder({ name, served, example, errors, postcodeInput }: AddressFinderProps) {
  const { t: residentT, i18n } = useTranslation();
  // An adviser filling the page in for a resident reads the look-up's words for them, in English.
  const reader = useReader();
  const t = (key: `addressLookup.${string}`, values: Record<string, string | number> = {}): string => {
    const adviserText = (adviserAddressLookupText as Record<string, string | undefined>)[
      key.slice('addressLookup.'.length)
    ];
    if (reader !== 'adviser' || adviserText === undefined) return residentT(key, values);
    return adviserText.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
  const [postcodeId, choiceId] = [inputId(name, 'postcode'), inputId(name, 'choice')];
  const postcodeError = errorAt(errors, `${name}.postcode`);
  const choiceError = errorAt(errors, `${name}.choice`);

  return (
    <div className="app-address-finder">
      <div className={`govuk-form-group${postcodeError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={postcodeId}>
          {t('addressLookup.postcodeLabel')}
        </label>
        <div id={`${postcodeId}-hint`} className="govuk-hint">
          {example
            ? t('addressLookup.postcodeHint', { example: i18n.dir() === 'rtl' ? leftToRight(example) : example })
            : t('addressLookup.postcodeHintWithoutExample')}
        </div>
        <ErrorMessage id={`${postcodeId}-error`} error={postcodeError} />
        <input
          className={`govuk-input govuk-input--width-10${postcodeError ? ' govuk-input--error' : ''}`}
          id={postcodeId}
          type="text"
          spellCheck={false}
          // A postcode reads left to right even on an Arabic page.
          dir="ltr"
          aria-describedby={describedBy(`${postcodeId}-hint`, postcodeError && `${postcodeId}-error`)}
          {...postcodeInput}
        />
      </div>
      <button
        type="submit"
        name="_action"
        value={`find-address:${name}`}
        formNoValidate
        className="govuk-button govuk-button--secondary"
      >
        {t('addressLookup.findButton')}
      </button>
      <div aria-live="polite">
        {served?.outcome === 'found' ? (
          <>
            <div className={`govuk-form-group${choiceError ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label" htmlFor={choiceId}>
                {t('addressLookup.chooseLabel')}
              </label>
              <ErrorMessage id={`${choiceId}-error`} error={choiceError} />
              <select
                className={`govuk-select${choiceError ? ' govuk-select--error' : ''}`}
                id={choiceId}
                name={`${name}.choice`}
                defaultValue={served.chosen ?? ''}
                aria-describedby={choiceError ? `${choiceId}-error` : undefined}
              >
                <option value="">{t('addressLookup.found', { count: served.addresses.length })}</option>
                {served.addresses.map((address) => (
                  <option key={address.uprn} value={address.uprn}>
                    {addressOnOneLine(address)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              name="_action"
              value={`choose-address:${name}`}
              formNoValidate
              className="govuk-button govuk-button--secondary"
            >
              {t('addressLookup.useButton')}
            </button>
            {served.chosen ? <p className="govuk-body">{t('addressLookup.chosen')}</p> : null}
          </>
        ) : null}
        {served?.outcome === 'none' ? (
          <p className="govuk-body">{t('addressLookup.none', { postcode: served.postcode })}</p>
        ) : null}
        {served?.outcome === 'unavailable' ? (
          <div className="govuk-inset-text">{t('addressLookup.unavailable')}</div>
        ) : null}
      </div>
    </div>
  );
}
