import fc from 'fast-check';
import { nhsNumberCheckDigit } from '../identifiers/nhs-number.js';
import { referenceAlphabet, referenceCheckCharacter } from '../identifiers/reference.js';

/**
 * fast-check arbitraries of valid identifiers in normalised form, for property tests here and in
 * the server. Test code only: they import fast-check, a dev dependency.
 */

const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number): fc.Arbitrary<string> =>
  fc.array(digit, { minLength: length, maxLength: length }).map((values) => values.join(''));

/** Valid NHS numbers: 9 random digits and their modulus 11 check digit (those ending in 10 skipped). */
export const validNhsNumber: fc.Arbitrary<string> = digits(9)
  .map((firstNine) => ({ firstNine, check: nhsNumberCheckDigit(firstNine) }))
  .filter((candidate) => candidate.check !== undefined)
  .map(({ firstNine, check }) => `${firstNine}${String(check)}`);

const niFirstLetters = 'ABCEGHJKLMNOPRSTWXYZ';
const niSecondLetters = 'ABCEGHJKLMNPRSTWXYZ';
const unallocatedPrefixes = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];

/** Valid National Insurance numbers, upper case without spaces, like "AB123456C". */
export const validNiNumber: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...Array.from(niFirstLetters)),
    fc.constantFrom(...Array.from(niSecondLetters)),
    digits(6),
    fc.constantFrom('A', 'B', 'C', 'D'),
  )
  .map(([first, second, number, suffix]) => `${first}${second}${number}${suffix}`)
  .filter((ni) => !unallocatedPrefixes.includes(ni.slice(0, 2)));

const first = 'ABCDEFGHIJKLMNOPRSTUWYZ';
const second = 'ABCDEFGHKLMNOPQRSTUVWXY';
const third = 'ABCDEFGHJKPSTUW';
const fourth = 'ABEHMNPRVWXY';
const inward = 'ABDEFGHJLNPQRSTUWXYZ';
const char = (set: string): fc.Arbitrary<string> => fc.constantFrom(...Array.from(set));
const district = fc.integer({ min: 0, max: 99 }).map(String);

/** Valid UK postcodes in every outward shape (A9, A99, AA9, AA99, A9A, AA9A), normalised. */
export const validPostcode: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.tuple(char(first), district).map(([a, d]) => a + d),
      fc.tuple(char(first), char(second), district).map(([a, b, d]) => a + b + d),
      fc.tuple(char(first), digit, char(third)).map(([a, d, c]) => `${a}${String(d)}${c}`),
      fc.tuple(char(first), char(second), digit, char(fourth)).map(([a, b, d, c]) => `${a}${b}${String(d)}${c}`),
    ),
    digit,
    char(inward),
    char(inward),
  )
  .map(([outward, d, x, y]) => `${outward} ${String(d)}${x}${y}`);

/** Valid submission references in canonical form, like "TUO-7K3M-9Q2M". */
export const validReference: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...Array.from(referenceAlphabet)), { minLength: 7, maxLength: 7 })
  .map((chars) => {
    const body = chars.join('') + referenceCheckCharacter(chars.join(''));
    return `TUO-${body.slice(0, 4)}-${body.slice(4)}`;
  });

/** Valid UK mobile numbers in E.164 form, like "+447700900982". */
export const validUkMobile: fc.Arbitrary<string> = digits(9).map((rest) => `+447${rest}`);

const lowerWord = (max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[a-z0-9]{1,${String(max)}}$`));

/** Valid email addresses, already normalised. */
export const validEmail: fc.Arbitrary<string> = fc
  .tuple(
    lowerWord(12),
    fc.option(lowerWord(6), { nil: undefined }),
    fc.stringMatching(/^[a-z]{2,12}$/),
    fc.constantFrom('com', 'org', 'co.uk', 'gov.uk'),
  )
  .map(([local, extra, domain, tld]) => `${local}${extra ? `.${extra}` : ''}@${domain}.${tld}`);

/** Inserts random spaces and changes case: how a person might type a normalised identifier. */
export function asTyped(value: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom('', ' ', '  ')), { minLength: value.length, maxLength: value.length })
    .map((choices) =>
      Array.from(value)
        .map((character, index) => {
          const [lower, space] = choices[index] ?? [false, ''];
          return `${space}${lower ? character.toLowerCase() : character}`;
        })
        .join(''),
    );
}
