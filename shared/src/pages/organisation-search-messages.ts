/**
 * Error messages of the directory search on question pages (a GP practice, a landlord). Their
 * English is the key the client translates them by, as for the address look-up's.
 */
export const organisationSearchMessages = {
  searchMissing: 'Enter a name or postcode to search for',
} as const;
