import { createContext, useContext } from 'react';

/**
 * Who reads a resident page: the resident, or an adviser filling it in for them (an assisted
 * transaction), who reads the catalogue's adviser wording ("About the resident") where it has one.
 */
export type Reader = 'resident' | 'adviser';

/** Set once per page from the page model: an adviser banner means an adviser reads it. */
export const ReaderContext = createContext<Reader>('resident');

/** Who reads this page. */
export function useReader(): Reader {
  return useContext(ReaderContext);
}
