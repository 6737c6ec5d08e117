import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTyped, validPostcode } from '../testing/identifier-arbitraries.js';
import { examplePostcodes, isValidPostcode, normalisePostcode, postcodeMessage } from './postcode.js';
import { postcodeSchema } from './postcode-schema.js';

describe('postcode', () => {
  it('accepts real examples of every shape, the Girobank special case and BFPO numbers', () => {
    for (const example of examplePostcodes) expect(isValidPostcode(example)).toBe(true);
    expect(postcodeSchema.parse('sw1a2aa')).toBe('SW1A 2AA');
    expect(postcodeSchema.parse(' gir  0aa ')).toBe('GIR 0AA');
    expect(postcodeSchema.parse('bfpo1234')).toBe('BFPO 1234');
  });

  it.each([
    ['SW1A 2AC', 'C is never in the last two letters'],
    ['QA1 1AA', 'Q is never first'],
    ['AI1 1AA', 'I is never second'],
    ['W1I 0AX', 'I is never third in A9A'],
    ['EC1Z 1BB', 'Z is never fourth in AA9A'],
    ['SW1A', 'an outward code alone is not a postcode'],
    ['SW1A 2AAA', 'too long'],
    ['BFPO 12345', 'BFPO numbers have up to 4 digits'],
    ['ASCN 1ZZ', 'overseas territories are not served'],
    ['12345', 'a ZIP code'],
  ])('rejects %s (%s) with the GOV.UK message', (input) => {
    expect(isValidPostcode(input)).toBe(false);
    expect(postcodeSchema.safeParse(input).error?.issues[0]?.message).toBe(postcodeMessage);
  });

  it('accepts every generated valid postcode however it is typed, and normalises it back', () => {
    fc.assert(
      fc.property(
        validPostcode.chain((p) => fc.tuple(fc.constant(p), asTyped(p.replace(' ', '')))),
        ([postcode, typed]) => isValidPostcode(typed) && normalisePostcode(typed) === postcode,
      ),
    );
  });

  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (input) => normalisePostcode(normalisePostcode(input)) === normalisePostcode(input)),
    );
    fc.assert(fc.property(validPostcode, (postcode) => normalisePostcode(postcode) === postcode));
  });

  it('rejects a valid postcode whose last letter becomes one Royal Mail never uses', () => {
    fc.assert(
      fc.property(
        validPostcode,
        fc.constantFrom('C', 'I', 'K', 'M', 'O', 'V'),
        (postcode, letter) => !isValidPostcode(postcode.slice(0, -1) + letter),
      ),
    );
  });
});
