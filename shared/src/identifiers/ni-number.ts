/**
 * The GOV.UK error message for a National Insurance number in the wrong format. Its example
 * follows HMRC's rules: HMRC's placeholder "QQ 12 34 56 C" does not (Q is never used), and
 * residents who copied it were told it was wrong.
 */
export const niNumberMessage = 'Enter a National Insurance number in the correct format, like JG 10 37 59 A';

/** Example National Insurance numbers that follow HMRC's format rules. */
export const exampleNiNumbers = ['AB 12 34 56 C', 'JG 10 37 59 A', 'ZX 98 76 54 D'] as const;

// HMRC: neither prefix letter is D, F, I, Q, U or V; the second is not O; BG, GB, KN, NK, NT, TN
// and ZZ are never allocated; then 6 digits and a suffix A to D.
const niNumberPattern = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;

/** Removes spaces and upper-cases, so "ab 12 34 56 c" becomes "AB123456C". Safe to call twice. */
export function normaliseNiNumber(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/** True when the input, ignoring spaces and case, follows HMRC's National Insurance number rules. */
export function isValidNiNumber(input: string): boolean {
  return niNumberPattern.test(normaliseNiNumber(input));
}

/** Formats a National Insurance number the way HMRC prints it: "AB 12 34 56 C". */
export function formatNiNumber(niNumber: string): string {
  const compact = normaliseNiNumber(niNumber);
  return [compact.slice(0, 2), compact.slice(2, 4), compact.slice(4, 6), compact.slice(6, 8), compact.slice(8)].join(
    ' ',
  );
}
