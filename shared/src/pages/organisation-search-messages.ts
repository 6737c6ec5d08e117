/**
 * Error messages of the directory search on question pages (a GP practice, a landlord) and of
 * confirming an address's council. Their
 * English is the key the client translates them by, as for the address look-up's.
 */
export const organisationSearchMessages = {
  searchMissing: 'Enter a name or postcode to search for',
  /** "Which council is this address in?", answered with nothing chosen. */
  councilMissing: 'Select the council for this address, or select that it is not listed',
} as const;
