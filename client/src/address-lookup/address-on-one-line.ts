import type { FoundAddress } from '@tuo/shared/api/address-lookup';

/** An address on one line, as listed to choose from: "Flat 2, 14 Mill Lane, Exeter, EX1 1AA". */
export function addressOnOneLine(address: Pick<FoundAddress, 'line1' | 'line2' | 'town' | 'postcode'>): string {
  return [address.line1, address.line2, address.town, address.postcode]
    .filter((part) => part !== undefined && part !== '')
    .join(', ');
}
