/**
 * Tracking codes: what a resident needs, with their reference, to see where their report has got
 * to. 20 Crockford base32 characters (100 random bits) shown as four groups of five,
 * `7K3MQ-9Q2MX-4HB8C-ZT1RW`. 100 bits is far beyond guessing, even offline against a stolen
 * table of hashes, while four short groups can be read over the phone and typed from a letter.
 * Crockford's alphabet has no I, L, O or U, so reading is forgiving: case, spaces and hyphens are
 * ignored, I and L are read as 1 and O as 0.
 */
export const trackingCodeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a tracking code, without its hyphens. */
export const trackingCodeLength = 20;

const groupLength = 5;

/** Upper-cases, drops spaces and hyphens, and reads I and L as 1 and O as 0. Safe to call twice. */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** True when the input, once normalised, is a tracking code's 20 characters. */
export function isTrackingCode(input: string): boolean {
  const normalised = normaliseTrackingCode(input);
  return normalised.length === trackingCodeLength && /^[0-9A-HJKMNP-TV-Z]+$/.test(normalised);
}

/** Shows a tracking code as four groups of five joined by hyphens. */
export function formatTrackingCode(code: string): string {
  const normalised = normaliseTrackingCode(code);
  const groups: string[] = [];
  for (let start = 0; start < normalised.length; start += groupLength)
    groups.push(normalised.slice(start, start + groupLength));
  return groups.join('-');
}

/** A new tracking code from 20 random values below 32 (each from a CSPRNG), formatted. */
export function trackingCodeFromRandom(values: readonly number[]): string {
  if (
    values.length !== trackingCodeLength ||
    values.some((value) => !Number.isInteger(value) || value < 0 || value > 31)
  )
    throw new RangeError('A tracking code needs 20 random values from 0 to 31');
  return formatTrackingCode(values.map((value) => trackingCodeAlphabet.charAt(value)).join(''));
}
