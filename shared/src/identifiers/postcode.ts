import { parse } from 'postcode';

/** The GOV.UK error message for a postcode that cannot be a real one. */
export const postcodeMessage = 'Enter a real postcode';

/** Real postcodes covering every outward code shape, the Girobank special case and a BFPO number. */
export const examplePostcodes = [
  'SW1A 2AA',
  'EC1A 1BB',
  'W1A 0AX',
  'M1 1AE',
  'B33 8TH',
  'CR2 6XH',
  'DN55 1PT',
  'GIR 0AA',
  'BFPO 801',
] as const;

// The `postcode` package checks the overall shape (A9 9AA to AA9A 9AA). Royal Mail also never uses
// Q, V or X first, I, J or Z second, restricts the letter in A9A and AA9A outward codes, and never
// ends with C, I, K, M, O or V. Checking those too catches more typos such as "SW1A 2AC".
const royalMailPattern =
  /^(?:[A-PR-UWYZ]\d\d?|[A-PR-UWYZ][A-HK-Y]\d\d?|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]) \d[ABD-HJLNP-UW-Z]{2}$/;
// Forces mail to armed forces personnel abroad uses "BFPO" and 1 to 4 digits where a postcode goes.
const bfpoPattern = /^BFPO ?(\d{1,4})$/;
const girobank = 'GIR 0AA';

/**
 * Upper-cases and puts exactly one space before the inward code, so "sw1a2aa" becomes "SW1A 2AA"
 * and "bfpo1234" becomes "BFPO 1234". Input that cannot be a postcode is only upper-cased and trimmed.
 * Safe to call twice.
 */
export function normalisePostcode(input: string): string {
  const tidied = input.replace(/\s+/g, ' ').trim().toUpperCase();
  // People put the space in the wrong place ("SW1 A2AA"), so find the inward code without it.
  const compact = tidied.replace(/\s/g, '');
  const bfpo = bfpoPattern.exec(compact);
  if (bfpo?.[1] !== undefined) return `BFPO ${bfpo[1]}`;
  if (compact === 'GIR0AA') return girobank;
  return parse(compact).postcode ?? tidied;
}

/**
 * True for a UK postcode that follows Royal Mail's format rules, for GIR 0AA and for BFPO numbers.
 * Case and spacing do not matter. British Overseas Territories postcodes (such as ASCN 1ZZ) are
 * not accepted, because no UK council, GP or Jobcentre serves those addresses.
 */
export function isValidPostcode(input: string): boolean {
  const normalised = normalisePostcode(input);
  return normalised === girobank || bfpoPattern.test(normalised) || royalMailPattern.test(normalised);
}
