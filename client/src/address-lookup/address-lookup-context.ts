import { createContext } from 'react';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';

/** The question page's address look-ups as the server left them (after a round trip without JavaScript), by field name. */
export const AddressLookupContext = createContext<Readonly<Record<string, AddressLookupState>>>({});
