import type { FieldError } from '@tuo/shared';
import { postcodeMessage } from '@tuo/shared/identifiers/postcode';
import type { FoundAddress } from '@tuo/shared/api/address-lookup';
import { addressLookupMessagesFor } from '@tuo/shared/pages/address-lookup-messages';
import { inputId } from '../components/field-ids.js';
import type { CheckedPage, QuestionChecks } from '../journeys/checks/question-checks.js';
import { addressLookupText } from './address-lookup-text.js';
import type { AddressPress } from './address-press.js';
import { chosenNote, lookupOutcomeMarkup } from './lookup-outcome-markup.js';
import { fetchAddresses } from './fetch-addresses.js';

/** The boxes of a typed address besides its postcode, which a chosen address fills too. */
const typedParts = ['line1', 'line2', 'town'] as const;

/** The address finders of a page checked by the page script, as its own chunk does them. */
export interface AddressScript {
  /**
   * Does a press of a finder's button in place: 'continue' when it was not meant for the finder
   * (Enter in a box of a typed address presses "Find address", the form's first button), so the
   * form is to be checked and posted as Continue. `from` is what had focus when it was pressed.
   */
  press(form: HTMLFormElement, press: AddressPress, from: Element | null): Promise<'done' | 'continue'>;
  /** The resident chose in a finder's list: the boxes fill at once, so Continue needs no "Use this address". */
  choose(list: HTMLSelectElement): void;
}

/**
 * The address finder with JavaScript, on the server's HTML (`AddressFinder`): "Find address" asks
 * `/api/address-lookup` and shows what it finds where and as the server would after that post;
 * choosing fills the address's boxes and its UPRN. Its errors are those the server gives the same
 * post, drawn by the page's checks (`checks.show`); the server checks every post again.
 */
export async function addressScript(checked: CheckedPage, checks: QuestionChecks): Promise<AddressScript> {
  const text = await addressLookupText(checked.lang, checked.adviser);
  const messages = addressLookupMessagesFor(checked.adviser ? 'adviser' : 'resident');
  // What each field's list offers: the server's, after a post without JavaScript, then each look-up's.
  const listed = new Map<string, readonly FoundAddress[]>(
    Object.entries(checked.props.addressLookup ?? {}).map(([name, state]) => [name, state.addresses]),
  );
  const lookUps = new Map<string, number>();
  const box = (form: HTMLFormElement, name: string, part: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(inputId(name, part))}`);
  const region = (form: HTMLFormElement, name: string) =>
    box(form, name, 'postcode')?.closest('.app-address-finder')?.querySelector('[aria-live]');
  const error = (name: string, part: string, message: string): FieldError[] => [{ field: `${name}.${part}`, message }];

  const fill = (form: HTMLFormElement, name: string, address: FoundAddress) => {
    for (const part of [...typedParts, 'postcode'] as const) {
      const filled = box(form, name, part);
      if (filled) filled.value = address[part] ?? '';
    }
    const uprn = form.querySelector(`input[type="hidden"][name="${name}.uprn"]`);
    if (uprn instanceof HTMLInputElement) uprn.value = address.uprn;
    const shown = region(form, name);
    if (shown && !shown.querySelector(':scope > p.govuk-body')) shown.append(chosenNote(text));
    checks.show(form, []);
  };
  const chosenIn = (form: HTMLFormElement, name: string) =>
    listed.get(name)?.find((address) => address.uprn === box(form, name, 'choice')?.value);

  const find = async (form: HTMLFormElement, name: string, from: Element | null) => {
    const postcode = box(form, name, 'postcode')?.value ?? '';
    const typed = typedParts.filter((part) => (box(form, name, part)?.value ?? '').trim() !== '');
    // The resident meant Continue, as the server takes it without JavaScript (see address-actions.ts):
    // with no postcode to find and an address typed, or a whole address typed (line 1 and town) and
    // no list to choose from; and whenever Enter was pressed in one of its boxes.
    const inTypedAddress =
      from instanceof HTMLInputElement &&
      from.id !== inputId(name, 'postcode') &&
      from.id.startsWith(inputId(name, ''));
    const meantContinue =
      postcode.trim() === '' || inTypedAddress
        ? typed.length > 0
        : typed.includes('line1') && typed.includes('town') && box(form, name, 'choice') === null;
    if (meantContinue) return 'continue';
    if (postcode.trim() === '') {
      region(form, name)?.replaceChildren();
      checks.show(form, error(name, 'postcode', messages.postcodeMissing));
      return 'done';
    }
    const asked = (lookUps.get(name) ?? 0) + 1;
    lookUps.set(name, asked);
    const state = await fetchAddresses(postcode);
    // Only a field's last look-up is shown, however the answers arrive.
    if (lookUps.get(name) !== asked) return 'done';
    listed.set(name, state.addresses);
    region(form, name)?.replaceChildren(...lookupOutcomeMarkup(name, state, text));
    checks.show(form, state.outcome === 'invalid' ? error(name, 'postcode', postcodeMessage) : []);
    return 'done';
  };

  return {
    async press(form, { action, name }, from) {
      if (action === 'find') return find(form, name, from);
      const address = chosenIn(form, name);
      if (!address) {
        checks.show(form, error(name, 'choice', messages.chooseAddress));
        return 'done';
      }
      fill(form, name, address);
      box(form, name, 'line1')?.focus();
      return 'done';
    },
    choose(list) {
      const form = list.form;
      const name = list.name.replace(/\.choice$/, '');
      const address = form ? chosenIn(form, name) : undefined;
      // Focus stays in the list: moving it would take the resident out of what they are choosing from.
      if (form && address) fill(form, name, address);
    },
  };
}
