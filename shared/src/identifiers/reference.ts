import { z } from 'zod';

/**
 * Submission references such as "TUO-7K3M-9Q2M": 8 characters from Crockford's base32 alphabet
 * (no I, L, O or U, so nothing is mistaken for 1 or 0), the last being a check character.
 *
 * The check works over GF(32): each character is a field element and the reference is valid when
 * `((0·2 + c1)·2 + c2)·2 + … + c8 = 0`. That is Damm's construction with the totally anti-symmetric
 * quasigroup x∘y = 2x + y, so every single wrong character and every swap of two neighbours is
 * detected (a swap changes the sum by 2^k·3·(a − b), which is never 0 in a field).
 */
export const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The fixed prefix of every reference, so a reference is recognisable in an email or a call. */
export const referencePrefix = 'TUO';

/** The canonical form: prefix and two groups of four. */
export const referencePattern = /^TUO-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The GOV.UK error message for a reference we cannot find the shape of. */
export const referenceMessage = 'Enter your reference in the correct format, like TUO-7K3M-9Q2M';

/** Valid references, for documentation and tests. */
export const exampleReferences = ['TUO-7K3M-9Q2M', 'TUO-0000-0000', 'TUO-ABCD-EFGC'] as const;

// x·2 in GF(32) with the primitive polynomial x^5 + x^2 + 1.
function timesTwo(value: number): number {
  const shifted = value << 1;
  return shifted & 32 ? shifted ^ 0b100101 : shifted;
}

function checkSum(symbols: string): number | undefined {
  let interim = 0;
  for (const symbol of symbols) {
    const value = referenceAlphabet.indexOf(symbol);
    if (value === -1) return undefined;
    interim = timesTwo(interim) ^ value;
  }
  return interim;
}

/** The check character for 7 data characters from {@link referenceAlphabet}. */
export function referenceCheckCharacter(data: string): string {
  const sum = checkSum(data);
  if (sum === undefined || data.length !== 7) throw new RangeError(`Not 7 reference characters: ${data}`);
  return referenceAlphabet.charAt(timesTwo(sum));
}

/**
 * Best-effort canonical form of a reference someone typed or read out: ignores case, spaces and
 * dashes, accepts it with or without "TUO", and reads I and L as 1 and O as 0 as Crockford
 * intended. Input that is not 8 characters long comes back upper case without separators.
 * Safe to call twice.
 */
export function normaliseReference(input: string): string {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  const body = compact.length === 11 && compact.startsWith(referencePrefix) ? compact.slice(3) : compact;
  if (body.length !== 8) return compact;
  const read = body.replace(/[IL]/g, '1').replace(/O/g, '0');
  return `${referencePrefix}-${read.slice(0, 4)}-${read.slice(4)}`;
}

/** True when the input, once normalised, is a reference whose check character is right. */
export function isValidReference(input: string): boolean {
  const reference = normaliseReference(input);
  return referencePattern.test(reference) && checkSum(reference.slice(4).replace('-', '')) === 0;
}

// Random 32-bit words from Web Crypto, present in Node 20 and every supported browser, drawn 256
// at a time: one call per character cost a burst of submissions 1.7% of the API's time.
const randomWords = new Uint32Array(256);
let nextWord = randomWords.length;
function secureRandom(): number {
  if (nextWord === randomWords.length) {
    const webCrypto = (globalThis as { crypto?: { getRandomValues(array: Uint32Array): Uint32Array } }).crypto;
    if (!webCrypto) throw new Error('Web Crypto is not available to generate a reference');
    webCrypto.getRandomValues(randomWords);
    nextWord = 0;
  }
  const word = randomWords[nextWord] ?? 0;
  // Each word is used once.
  randomWords[nextWord] = 0;
  nextWord += 1;
  return word / 2 ** 32;
}

/**
 * A new reference with 7 random characters (about 34 billion possibilities) and its check
 * character. References are not secret and not unique by construction: store them under a unique
 * constraint and generate another on a clash.
 *
 * @param random - returns a number in [0, 1); defaults to Web Crypto. Pass one in tests.
 */
export function generateReference(random: () => number = secureRandom): string {
  let data = '';
  for (let index = 0; index < 7; index += 1) {
    data += referenceAlphabet.charAt(Math.floor(random() * referenceAlphabet.length) % referenceAlphabet.length);
  }
  const body = data + referenceCheckCharacter(data);
  return `${referencePrefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** Validates a reference as typed by a person and outputs its canonical form, "TUO-7K3M-9Q2M". */
export const referenceSchema = z
  .string({ error: referenceMessage })
  .refine(isValidReference, { error: referenceMessage })
  .transform(normaliseReference);

/** A reference already in canonical form, as in payloads and responses (no transform). */
export const canonicalReferenceSchema = z
  .string({ error: referenceMessage })
  .regex(referencePattern, { error: referenceMessage })
  .refine(isValidReference, { error: referenceMessage });
