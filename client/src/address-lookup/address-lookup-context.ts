import { createContext } from 'react';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';

/** The question page's address look-ups. */
export interface AddressLookupView {
  /** The look-ups as the server left them (after a round trip without JavaScript), by field name. */
  served: Readonly<Record<string, AddressLookupState>>;
  /** A postcode the look-up in use finds, for the postcode's hint. */
  postcodeExample: string | undefined;
}

export const AddressLookupContext = createContext<AddressLookupView>({ served: {}, postcodeExample: undefined });
