import { normalisePostcode, type AddressAnswer } from '@tuo/shared';
import type { AddressLookup } from './address-lookup.js';

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * An address answer keeps its UPRN only when the look-up still lists that UPRN at its postcode
 * with the same lines: a UPRN tells an agency which property it is, so one left over after the
 * resident edited the address by hand (or one made up in a crafted post) must not go with it.
 */
export async function confirmUprn(lookup: AddressLookup, answer: AddressAnswer): Promise<AddressAnswer> {
  if (!answer.uprn) return answer;
  const { uprn: _dropped, ...withoutUprn } = answer;
  try {
    const found = (await lookup.findByPostcode(normalisePostcode(answer.postcode))).find(
      (address) => address.uprn === answer.uprn,
    );
    const matches =
      found &&
      same(found.line1, answer.line1) &&
      same(found.line2, answer.line2) &&
      same(found.town, answer.town) &&
      normalisePostcode(found.postcode) === normalisePostcode(answer.postcode);
    return matches ? answer : withoutUprn;
  } catch {
    return withoutUprn;
  }
}
