/**
 * Error messages of the address look-up on question pages. Their English is the key the client
 * translates them by, as for {@link pageMessages}.
 */
export const addressLookupMessages = {
  postcodeMissing: 'Enter a postcode to find the address',
  chooseAddress: 'Select an address from the list',
  tooManyLookups: 'You have looked up too many postcodes. Wait a minute and try again, or enter the address yourself',
} as const;

/**
 * The same messages as an adviser reads them on an assisted report's page: about the look-up and
 * the resident, never "you" (in English, as the staff console is).
 */
export const adviserAddressLookupMessages: Readonly<Record<keyof typeof addressLookupMessages, string>> = {
  postcodeMissing: addressLookupMessages.postcodeMissing,
  chooseAddress: addressLookupMessages.chooseAddress,
  tooManyLookups:
    'Too many postcodes have been looked up from this computer in the last minute. Wait a minute and try again, or type the address',
};

/**
 * The look-up's own words that speak to the resident ("We will show you"), as an adviser reads
 * them, with the same `{{example}}` and `{{postcode}}` placeholders. English, as the console is;
 * kept here rather than in the console's text because question pages do not load that.
 */
export const adviserAddressLookupText = {
  postcodeHint: 'The addresses at this postcode are listed to choose from. For example, {{example}}',
  postcodeHintWithoutExample: 'The addresses at this postcode are listed to choose from.',
  chosen: 'The address is filled in below. Check it with the resident.',
  none: 'No addresses were found at {{postcode}}. Check the postcode with the resident, or type the address below.',
  unavailable: 'Addresses cannot be looked up right now. Type the address below.',
} as const;

/** The look-up's messages for the page's reader. */
export function addressLookupMessagesFor(
  reader: 'resident' | 'adviser',
): Readonly<Record<keyof typeof addressLookupMessages, string>> {
  return reader === 'adviser' ? adviserAddressLookupMessages : addressLookupMessages;
}
