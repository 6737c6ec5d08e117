import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.js';
import { errorAt, inputId } from '../../components/field-ids.js';
import { textDefault, useJourneyForm } from '../journey-form.js';
import { Fieldset, type FieldComponentProps } from './field-frame.js';

interface AddressPart {
  part: string;
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
  { part: 'postcode', label: 'fields.postcode', width: 'govuk-input--width-10', autocomplete: 'postal-code' },
];

/** An address typed in by parts (the GOV.UK address pattern); each part carries its own error. */
export function AddressField({ field, heading, hint }: FieldComponentProps) {
  const form = useJourneyForm();
  const { t } = useTranslation();
  const id = inputId(field.name);
  const own = field.autocomplete === 'street-address';
  return (
    <Fieldset id={id} legend={field.label} heading={heading} hint={hint} error={undefined}>
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
              spellCheck={part === 'postcode' ? false : undefined}
              // A postcode reads left to right even on an Arabic page.
              dir={part === 'postcode' ? 'ltr' : undefined}
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
