import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTyped, validNiNumber } from '../testing/identifier-arbitraries.js';
import { exampleNiNumbers, formatNiNumber, isValidNiNumber, niNumberMessage, normaliseNiNumber } from './ni-number.js';
import { niNumberSchema } from './ni-number-schema.js';

describe('National Insurance number', () => {
  it('accepts the examples in any case and spacing, normalised to upper case without spaces', () => {
    for (const example of exampleNiNumbers) expect(isValidNiNumber(example)).toBe(true);
    expect(niNumberSchema.parse(' ab 12 34 56 c ')).toBe('AB123456C');
  });

  it.each([
    ['QQ 12 34 56 C', 'Q is never used (HMRC placeholder)'],
    ['DA 12 34 56 A', 'D is not used as a first letter'],
    ['AF 12 34 56 A', 'F is not used as a second letter'],
    ['AO 12 34 56 A', 'O is not used as a second letter'],
    ['BG 12 34 56 A', 'BG is not allocated'],
    ['GB 12 34 56 A', 'GB is not allocated'],
    ['NK 12 34 56 A', 'NK is not allocated'],
    ['KN 12 34 56 A', 'KN is not allocated'],
    ['TN 12 34 56 A', 'TN is not allocated'],
    ['NT 12 34 56 A', 'NT is not allocated'],
    ['ZZ 12 34 56 A', 'ZZ is not allocated'],
    ['AB 12 34 56 E', 'the suffix is A to D'],
    ['AB 12 34 5 C', 'six digits are needed'],
    ['AB 12 34 56', 'the suffix is needed'],
  ])('rejects %s because %s, with the GOV.UK message', (input) => {
    expect(isValidNiNumber(input)).toBe(false);
    expect(niNumberSchema.safeParse(input).error?.issues[0]?.message).toBe(niNumberMessage);
  });

  it('accepts every generated valid number however it is typed', () => {
    fc.assert(
      fc.property(
        validNiNumber.chain((ni) => fc.tuple(fc.constant(ni), asTyped(ni))),
        ([ni, typed]) => isValidNiNumber(typed) && normaliseNiNumber(typed) === ni,
      ),
    );
  });

  it('normalising is idempotent and formatting round-trips', () => {
    fc.assert(
      fc.property(fc.string(), (input) => normaliseNiNumber(normaliseNiNumber(input)) === normaliseNiNumber(input)),
    );
    fc.assert(fc.property(validNiNumber, (ni) => normaliseNiNumber(formatNiNumber(ni)) === ni));
  });

  it('rejects a disallowed letter in either prefix position, or a suffix after D', () => {
    fc.assert(
      fc.property(
        validNiNumber,
        fc.constantFrom('D', 'F', 'I', 'Q', 'U', 'V'),
        fc.integer({ min: 0, max: 1 }),
        (ni, letter, position) => {
          return !isValidNiNumber(ni.slice(0, position) + letter + ni.slice(position + 1));
        },
      ),
    );
    fc.assert(
      fc.property(
        validNiNumber,
        fc.constantFrom('E', 'F', 'Z', '1'),
        (ni, suffix) => !isValidNiNumber(ni.slice(0, 8) + suffix),
      ),
    );
  });
});
