import { useContext } from 'react';
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
          ...form.register(`${field.name}.postcode`),
        }}
      />
      <p className="govuk-body govuk-!-font-weight-bold">{t('addressLookup.manualHeading')}</p>
      {/* The chosen address's UPRN: the page script sets it on a choice, and typing empties it. */}
      <input type="hidden" name={`${field.name}.uprn`} defaultValue={textDefault(form.defaults, field.name, 'uprn')} />
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
              {...form.register(`${field.name}.${part}`)}
            />
          </div>
        );
      })}
    </Fieldset>
  );
}
