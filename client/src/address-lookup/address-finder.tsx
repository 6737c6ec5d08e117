import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postcodeMessage } from '@tuo/shared';
import { addressOnOneLine, type AddressLookupState, type FoundAddress } from '@tuo/shared/api/address-lookup';
import { addressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt, inputId } from '../components/field-ids.js';
import type { FieldError } from '@tuo/shared';
import { fetchAddresses } from './fetch-addresses.js';

interface AddressFinderProps {
  name: string;
  /** The look-up as the server rendered it, if the last post was "Find address" or "Use this address". */
  served: AddressLookupState | undefined;
  /** Errors from the server for `{name}.lookup` and `{name}.choice`. */
  errors: readonly FieldError[];
  /** Fills the address boxes (and the UPRN) with the chosen address. */
  onChoose: (address: FoundAddress, options?: { focus: boolean }) => void;
  /** True when any box of the typed address has text. */
  hasTypedAddress: () => boolean;
}

/**
 * "Find an address": a postcode, then a list to choose from. Its buttons post the page (the server
 * looks up and renders it again) so it works without JavaScript; with JavaScript they ask
 * `/api/address-lookup` instead and fill the boxes in place. Typing the address is always possible.
 */
export function AddressFinder({ name, served, errors, onChoose, hasTypedAddress }: AddressFinderProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<AddressLookupState | undefined>(served);
  const [chosen, setChosen] = useState(served?.chosen);
  const [localError, setLocalError] = useState<FieldError | undefined>();
  const postcodeRef = useRef<HTMLInputElement>(null);
  const choiceRef = useRef<HTMLSelectElement>(null);
  const [postcodeId, choiceId] = [inputId(name, 'lookup'), inputId(name, 'choice')];
  const postcodeError =
    localError?.field === `${name}.lookup` ? localError : localError ? undefined : errorAt(errors, `${name}.lookup`);
  const choiceError =
    localError?.field === `${name}.choice` ? localError : localError ? undefined : errorAt(errors, `${name}.choice`);

  const find = async (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    const typed = postcodeRef.current?.value ?? '';
    // Enter in a box of a typed address presses this, the form's first button: the resident meant Continue.
    if (typed.trim() === '' && hasTypedAddress()) {
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (typed.trim() === '') {
      setLocalError({
        field: `${name}.lookup`,
        message: addressLookupMessages.postcodeMissing,
      });
      return;
    }
    const found = await fetchAddresses(typed);
    setState(found);
    setChosen(undefined);
    setLocalError(found.outcome === 'invalid' ? { field: `${name}.lookup`, message: postcodeMessage } : undefined);
  };
  const choose = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    const address = state?.addresses.find((candidate) => candidate.uprn === choiceRef.current?.value);
    if (!address) {
      setLocalError({
        field: `${name}.choice`,
        message: addressLookupMessages.chooseAddress,
      });
      return;
    }
    setLocalError(undefined);
    setChosen(address.uprn);
    onChoose(address);
  };

  return (
    <div className="app-address-finder">
      <div className={`govuk-form-group${postcodeError ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={postcodeId}>
          {t('addressLookup.postcodeLabel')}
        </label>
        <div id={`${postcodeId}-hint`} className="govuk-hint">
          {t('addressLookup.postcodeHint')}
        </div>
        <ErrorMessage id={`${postcodeId}-error`} error={postcodeError} />
        <input
          className={`govuk-input govuk-input--width-10${postcodeError ? ' govuk-input--error' : ''}`}
          id={postcodeId}
          name={`${name}.lookup`}
          type="text"
          spellCheck={false}
          autoComplete="postal-code"
          defaultValue={served?.postcode ?? ''}
          ref={postcodeRef}
          aria-describedby={describedBy(`${postcodeId}-hint`, postcodeError && `${postcodeId}-error`)}
        />
      </div>
      <button
        type="submit"
        name="_action"
        value={`find-address:${name}`}
        formNoValidate
        className="govuk-button govuk-button--secondary"
        onClick={(event) => void find(event)}
      >
        {t('addressLookup.findButton')}
      </button>
      <div aria-live="polite">
        {state?.outcome === 'found' ? (
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
                defaultValue={chosen ?? ''}
                ref={choiceRef}
                key={state.postcode}
                onChange={(event) => {
                  // Choosing is enough: the boxes fill at once, so Continue needs no "Use this address".
                  const address = state.addresses.find((candidate) => candidate.uprn === event.target.value);
                  if (!address) return;
                  setLocalError(undefined);
                  setChosen(address.uprn);
                  onChoose(address, { focus: false });
                }}
                aria-describedby={choiceError ? `${choiceId}-error` : undefined}
              >
                <option value="">{t('addressLookup.found', { count: state.addresses.length })}</option>
                {state.addresses.map((address) => (
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
              onClick={choose}
            >
              {t('addressLookup.useButton')}
            </button>
            {chosen ? <p className="govuk-body">{t('addressLookup.chosen')}</p> : null}
          </>
        ) : null}
        {state?.outcome === 'none' ? (
          <p className="govuk-body">{t('addressLookup.none', { postcode: state.postcode })}</p>
        ) : null}
        {state?.outcome === 'unavailable' ? (
          <div className="govuk-inset-text">{t('addressLookup.unavailable')}</div>
        ) : null}
      </div>
    </div>
  );
}
