/**
 * Error messages of the address look-up on question pages. Their English is the key the client
 * translates them by, as for {@link pageMessages}.
 */
export const addressLookupMessages = {
  postcodeMissing: 'Enter a postcode to find the address',
  chooseAddress: 'Select an address from the list',
} as const;
