import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validReference } from '../testing/identifier-arbitraries.js';
import {
  exampleReferences,
  generateReference,
  isValidReference,
  normaliseReference,
  referenceAlphabet,
  referencePattern,
  referenceSchema,
} from './reference.js';

const body = (reference: string): string => reference.replace(/^TUO-/, '').replace('-', '');
const withBody = (chars: string): string => `TUO-${chars.slice(0, 4)}-${chars.slice(4)}`;

describe('submission reference', () => {
  it('accepts the examples', () => {
    for (const example of exampleReferences) expect(isValidReference(example)).toBe(true);
  });

  it('generates valid references in canonical form, with Web Crypto or a given random source', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 7, maxLength: 7 }),
        (values) => {
          let index = 0;
          const reference = generateReference(() => values[index++] ?? 0);
          return referencePattern.test(reference) && isValidReference(reference);
        },
      ),
    );
    const reference = generateReference();
    expect(reference).toMatch(referencePattern);
    expect(isValidReference(reference)).toBe(true);
  });

  it('reads references typed in lower case, without dashes or prefix, and with I, L and O', () => {
    expect(normaliseReference(' tuo 7k3m 9q2m ')).toBe('TUO-7K3M-9Q2M');
    expect(normaliseReference('7k3m9q2m')).toBe('TUO-7K3M-9Q2M');
    expect(referenceSchema.parse('tuo-oooo-oooo')).toBe('TUO-0000-0000');
    expect(normaliseReference('TUO-ABCD-EFGC')).toBe('TUO-ABCD-EFGC');
  });

  it('normalising is idempotent and round-trips typed forms', () => {
    fc.assert(
      fc.property(fc.string(), (input) => normaliseReference(normaliseReference(input)) === normaliseReference(input)),
    );
    fc.assert(
      fc.property(validReference, fc.boolean(), (reference, prefix) => {
        const typed = (prefix ? reference : body(reference)).toLowerCase().replace(/-/g, ' ');
        return normaliseReference(typed) === reference;
      }),
    );
  });

  it('detects every single wrong character', () => {
    fc.assert(
      fc.property(
        validReference,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 31 }),
        (reference, position, shift) => {
          const chars = Array.from(body(reference));
          chars[position] = referenceAlphabet.charAt((referenceAlphabet.indexOf(chars[position] ?? '0') + shift) % 32);
          return !isValidReference(withBody(chars.join('')));
        },
      ),
    );
  });

  it('detects every swap of two different neighbouring characters, the check character included', () => {
    fc.assert(
      fc.property(validReference, fc.integer({ min: 0, max: 6 }), (reference, position) => {
        const chars = Array.from(body(reference));
        fc.pre(chars[position] !== chars[position + 1]);
        [chars[position], chars[position + 1]] = [chars[position + 1] ?? '', chars[position] ?? ''];
        return !isValidReference(withBody(chars.join('')));
      }),
    );
  });
});
