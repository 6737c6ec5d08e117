/**
 * The GOV.UK error message for an NHS number that is not 10 digits. Its example is a published
 * test number that passes the check digit (the design system's "485 777 3456" does not, and
 * residents who copied it were told it was wrong).
 */
export const nhsNumberMessage = 'Enter an NHS number in the correct format, like 943 476 5919';

/** For 10 digits whose check digit fails: most often one number mistyped or two swapped. */
export const nhsNumberCheckDigitMessage =
  'Check the NHS number. It has a mistake in it: a number may be wrong or in the wrong place';

/**
 * Published test NHS numbers that pass the modulus 11 check (NHS Digital test data).
 * They belong to no real patient.
 */
export const exampleNhsNumbers = ['943 476 5919', '401 023 2137', '999 000 0018'] as const;

// People copy NHS numbers from letters that print them as "943 476 5919" or "943-476-5919".
const separators = /[\s-]/g;

/** Removes spaces and hyphens, so "943 476 5919" becomes "9434765919". Safe to call twice. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(separators, '');
}

/**
 * The modulus 11 check digit for the first 9 digits of an NHS number: weights 10 down to 2,
 * 11 minus the remainder, where 11 becomes 0. Returns `undefined` when the result is 10, which
 * means no valid NHS number starts with these digits.
 */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let total = 0;
  for (let index = 0; index < 9; index += 1) {
    total += Number(firstNine.charAt(index)) * (10 - index);
  }
  const check = 11 - (total % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}

/** True when the input, once spaces and hyphens are removed, is 10 digits with a valid check digit. */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsNumberCheckDigit(digits.slice(0, 9)) === Number(digits.charAt(9));
}

/** Formats a normalised NHS number the way NHS letters print it: "943 476 5919". */
export function formatNhsNumber(nhsNumber: string): string {
  const digits = normaliseNhsNumber(nhsNumber);
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
