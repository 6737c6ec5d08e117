import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressFinder } from '../../address-lookup/address-finder.js';
import { AddressLookupContext } from '../../address-lookup/address-lookup-context.js';
import { ErrorMessage } from '../../components/error-message.js';
import { errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

interface AddressPart {
  part: 'line1' | 'line2' | 'town';
  /** Key of its label in the `common` namespace. */
  label: string;
  width?: string;
  /** Used only when the address is the resident's own (the definition says `street-address`). */
  autocomplete: string;
}

const addressParts: readonly AddressPart[] = [
  { part: 'line1', label: 'fields.addressLine1', autocomplete: 'address-line1' },
  { part: 'line2', label: 'fields.addressLine2', autocomplete: 'address-line2' },
  { part: 'town', label: 'fields.town', width: 'govuk-!-width-two-thirds', autocomplete: 'address-level2' },
];

/** Every part of an address answer: the typed boxes, and the postcode above them that the look-up reads too. */
const answerParts = [...addressParts.map(({ part }) => part), 'postcode'] as const;

/**
 * An address: found by postcode and chosen from a list (which brings its UPRN), or typed in by parts
 * (the GOV.UK address pattern), which is always there; each part carries its own error. The one
 * postcode box serves both: the look-up searches it, and it is the typed address's postcode.
 */
export function AddressField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const id = inputId(field.name);
  const own = field.autocomplete === 'street-address';
  const lookups = useContext(AddressLookupContext);
  const served = lookups.served[field.name];
  // A UPRN names the property chosen from the list; typing over the address means it no longer does.
  // Kept in React state, not the form library: it is never validated in the browser, only posted.
  const [uprn, setUprn] = useState(textDefault(form.defaults, field.name, 'uprn'));
  const clearUprn = () => {
    setUprn('');
  };
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={undefined}>
      <AddressFinder
        name={field.name}
        served={served}
        example={lookups.postcodeExample}
        errors={form.errors}
        postcodeInput={{
          autoComplete: own ? 'postal-code' : undefined,
          defaultValue: textDefault(form.defaults, field.name, 'postcode'),
          ...form.register(`${field.name}.postcode`, { onChange: clearUprn }),
        }}
        postcode={() => {
          const typed = form.current(field.name);
          return typeof typed === 'object' && !Array.isArray(typed) ? (typed.postcode ?? '') : '';
        }}
        onChoose={(address, { focus } = { focus: true }) => {
          for (const part of answerParts) form.setValue(`${field.name}.${part}`, address[part] ?? '');
          setUprn(address.uprn);
          // Not while the resident is still in the list: moving focus would take them out of it.
          if (focus) document.getElementById(inputId(field.name, 'line1'))?.focus();
        }}
        typedParts={() => {
          const typed = form.current(field.name);
          if (typeof typed !== 'object' || Array.isArray(typed)) return [];
          return addressParts.map(({ part }) => part).filter((part) => (typed[part] ?? '').trim() !== '');
        }}
      />
      <p className="govuk-body govuk-!-font-weight-bold">{t('addressLookup.manualHeading')}</p>
      <input type="hidden" name={`${field.name}.uprn`} value={uprn} />
      {addressParts.map(({ part, label, width, autocomplete }) => {
        const partId = inputId(field.name, part);
        const error = errorAt(form.errors, `${field.name}.${part}`);
        return (
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} key={part}>
            <label className="govuk-label" htmlFor={partId}>
              {t(label)}
            </label>
            <ErrorMessage id={`${partId}-error`} error={error} />
            <input
              className={['govuk-input', width, error && 'govuk-input--error'].filter(Boolean).join(' ')}
              id={partId}
              type="text"
              autoComplete={own ? autocomplete : undefined}
              defaultValue={textDefault(form.defaults, field.name, part)}
              aria-describedby={error ? `${partId}-error` : undefined}
              {...form.register(`${field.name}.${part}`, { onChange: clearUprn })}
            />
          </div>
        );
      })}
    </Fieldset>
  );
}
