/**
 * Error messages of the address look-up on question pages. Their English is the key the client
 * translates them by, as for {@link pageMessages}.
 */
export const addressLookupMessages = {
  postcodeMissing: 'Enter a postcode to find the address',
  chooseAddress: 'Select an address from the list',
  tooManyLookups: 'You have looked up too many postcodes. Wait a minute and try again, or enter the address yourself',
} as const;
