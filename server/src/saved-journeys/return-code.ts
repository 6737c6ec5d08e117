import { createHmac, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or written by hand is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a code: 10 of 32 symbols is 50 bits, with a few wrong tries an hour allowed per address. */
export const returnCodeLength = 10;

/** A new code, grouped for reading: `7K3MQ-9Q2MX`. */
export function generateReturnCode(): string {
  const symbols = Array.from({ length: returnCodeLength }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/**
 * A code as typed, made canonical: spaces and dashes dropped, lower case raised, and the letters
 * Crockford treats as look-alikes read as their digits (O as 0, I and L as 1). Undefined when it
 * cannot be a code.
 */
export function normaliseReturnCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return new RegExp(`^[${alphabet}]{${String(returnCodeLength)}}$`).test(code) ? code : undefined;
}

/**
 * What is stored for a code: an HMAC under a key derived from the server's secret. 50 bits would
 * fall to a plain hash tried offline from a copy of the database; the key is not in the database.
 */
export function returnCodeHash(canonicalCode: string, secret: string): string {
  const key = createHmac('sha256', secret).update('saved-form-code').digest();
  return createHmac('sha256', key).update(canonicalCode).digest('base64url');
}
