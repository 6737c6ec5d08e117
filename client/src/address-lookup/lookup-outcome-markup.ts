import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import { inputId } from '../components/field-ids.js';
import { addressOnOneLine } from './address-on-one-line.js';
import type { AddressLookupText } from './address-lookup-text.js';

/** An element with its attributes (as the markup writes them) and its children. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

/** "We have filled in the address below", under "Use this address" once an address is chosen. */
export function chosenNote(text: AddressLookupText): HTMLParagraphElement {
  return element('p', { class: 'govuk-body' }, text.say('chosen'));
}

/**
 * What the finder's live region shows after a look-up of the field `name`, in the markup
 * `AddressFinder` renders for the same look-up on the server: the list to choose from and "Use
 * this address"; that nothing was found; that the look-up is unavailable; nothing for a postcode
 * that is not real (its error is the postcode box's).
 */
export function lookupOutcomeMarkup(name: string, state: AddressLookupState, text: AddressLookupText): Node[] {
  if (state.outcome === 'none')
    return [element('p', { class: 'govuk-body' }, text.say('none', { postcode: state.postcode }))];
  if (state.outcome === 'unavailable') return [element('div', { class: 'govuk-inset-text' }, text.say('unavailable'))];
  if (state.outcome !== 'found') return [];
  const choiceId = inputId(name, 'choice');
  const list = element(
    'select',
    { class: 'govuk-select', id: choiceId, name: `${name}.choice` },
    element('option', { value: '' }, text.found(state.addresses.length)),
    ...state.addresses.map((address) => element('option', { value: address.uprn }, addressOnOneLine(address))),
  );
  return [
    element(
      'div',
      { class: 'govuk-form-group' },
      element('label', { class: 'govuk-label', for: choiceId }, text.say('chooseLabel')),
      list,
    ),
    element(
      'button',
      {
        type: 'submit',
        name: '_action',
        value: `choose-address:${name}`,
        formnovalidate: '',
        class: 'govuk-button govuk-button--secondary',
      },
      text.say('useButton'),
    ),
  ];
}
