import { adviserAddressLookupText } from '@tuo/shared/pages/address-lookup-messages';
import { commonText, fill } from '../journeys/checks/common-text.js';

/** The finder's words its script writes into the page (the rest of it is the server's HTML). */
type Written = 'chooseLabel' | 'useButton' | 'chosen' | 'none' | 'unavailable';

/** The address finder's words as the page script writes them, the same the React finder renders. */
export interface AddressLookupText {
  say(key: Written, values?: Readonly<Record<string, string>>): string;
  /** "2 addresses found", in the language's plural form for `count`. */
  found(count: number): string;
}

/**
 * The `addressLookup` words of `language`'s `common.json` (the chunk the page script's own text
 * comes from); for an adviser, the words worded for them where the resident's say "you", in English
 * as the page is (`adviserAddressLookupText`).
 */
export async function addressLookupText(language: string, adviser: boolean): Promise<AddressLookupText> {
  const words = (await commonText(language)).addressLookup;
  const adviserWords: Readonly<Partial<Record<Written, string>>> = adviser ? adviserAddressLookupText : {};
  const plural = new Intl.PluralRules(language);
  return {
    say: (key, values = {}) => fill(adviserWords[key] ?? words[key] ?? '', values),
    found(count) {
      // As i18next picks a plural: `_zero` for none where the language has it, else the form Intl names.
      const form = count === 0 && words.found_zero !== undefined ? 'zero' : plural.select(count);
      return fill(words[`found_${form}`] ?? words.found_other ?? '', { count: String(count) });
    },
  };
}
