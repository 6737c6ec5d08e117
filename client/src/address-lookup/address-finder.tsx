import { useRef, useState, type InputHTMLAttributes, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { postcodeMessage } from '@tuo/shared';
import type { AddressLookupState, FoundAddress } from '@tuo/shared/api/address-lookup';
import { addressLookupMessagesFor, adviserAddressLookupText } from '@tuo/shared/pages/address-lookup-messages';
import { ErrorMessage } from '../components/error-message.js';
import { describedBy, errorAt, inputId } from '../components/field-ids.js';
import type { FieldError } from '@tuo/shared';
import { leftToRight } from '../i18n/left-to-right.js';
import { useReader } from '../i18n/reader.js';
import { fetchAddresses } from './fetch-addresses.js';

/** An address on one line, as listed to choose from: "Flat 2, 14 Mill Lane, Exeter, EX1 1AA". */
function addressOnOneLine(address: Pick<FoundAddress, 'line1' | 'line2' | 'town' | 'postcode'>): string {
  return [address.line1, address.line2, address.town, address.postcode]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
}

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
  /** What is in the postcode box now. */
  postcode: () => string;
  /** Fills the address boxes (and the UPRN) with the chosen address. */
  onChoose: (address: FoundAddress, options?: { focus: boolean }) => void;
  /** The boxes of the typed address (other than the postcode) that have text. */
  typedParts: () => readonly string[];
}

/**
 * "Find an address": the address's postcode, then a list to choose from. Its buttons post the page
 * (the server looks up and renders it again) so it works without JavaScript; with JavaScript they
 * ask `/api/address-lookup` instead and fill the boxes in place. Typing the address is always
 * possible, and the postcode box is the typed address's too: the page has one postcode.
 */
export function AddressFinder(props: AddressFinderProps) {
  const { name, served, example, errors, postcodeInput, postcode, onChoose, typedParts } = props;
  const { t: residentT, i18n } = useTranslation();
  // An adviser filling the page in for a resident reads the look-up's words for them, in English.
  const reader = useReader();
  const addressLookupMessages = addressLookupMessagesFor(reader);
  const t = (key: `addressLookup.${string}`, values: Record<string, string | number> = {}): string => {
    const adviserText = (adviserAddressLookupText as Record<string, string | undefined>)[
      key.slice('addressLookup.'.length)
    ];
    if (reader !== 'adviser' || adviserText === undefined) return residentT(key, values);
    return adviserText.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
  const [state, setState] = useState<AddressLookupState | undefined>(served);
  const [chosen, setChosen] = useState(served?.chosen);
  const [localError, setLocalError] = useState<FieldError | undefined>();
  const choiceRef = useRef<HTMLSelectElement>(null);
  const [postcodeId, choiceId] = [inputId(name, 'postcode'), inputId(name, 'choice')];
  const postcodeError =
    localError?.field === `${name}.postcode`
      ? localError
      : localError
        ? undefined
        : errorAt(errors, `${name}.postcode`);
  const choiceError =
    localError?.field === `${name}.choice` ? localError : localError ? undefined : errorAt(errors, `${name}.choice`);

  const find = async (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    const typed = postcode();
    // Enter in a box of a typed address presses this, the form's first button: the resident meant
    // Continue, as the server takes it without JavaScript (see address-actions.ts): with no postcode
    // to find and an address typed, or a whole address typed (line 1 and town) and no list to choose
    // from; and whenever Enter was pressed in one of its boxes.
    const parts = typedParts();
    const enteredInTypedAddress =
      document.activeElement instanceof HTMLInputElement &&
      document.activeElement.id !== postcodeId &&
      document.activeElement.id.startsWith(inputId(name, ''));
    const meantContinue =
      typed.trim() === '' || enteredInTypedAddress
        ? parts.length > 0
        : parts.includes('line1') && parts.includes('town') && state?.outcome !== 'found';
    if (meantContinue) {
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (typed.trim() === '') {
      setLocalError({
        field: `${name}.postcode`,
        message: addressLookupMessages.postcodeMissing,
      });
      return;
    }
    const found = await fetchAddresses(typed);
    setState(found);
    setChosen(undefined);
    setLocalError(found.outcome === 'invalid' ? { field: `${name}.postcode`, message: postcodeMessage } : undefined);
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
