import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPersonNameSchema, examplePersonNames, isValidPersonName, normalisePersonName } from './person-name.js';

describe('person name', () => {
  it('accepts names in any script with apostrophes, hyphens and spaces', () => {
    for (const name of examplePersonNames) expect(isValidPersonName(name)).toBe(true);
  });

  it('normalises spacing, curly apostrophes and Unicode composition', () => {
    expect(normalisePersonName('  Siobhán   O’Neill ')).toBe("Siobhán O'Neill");
    expect(normalisePersonName('Zoe\u0308')).toBe('Zoë');
  });

  it('gives GOV.UK messages that start with the label', () => {
    const schema = createPersonNameSchema('First name');
    expect(schema.safeParse('R2D2').error?.issues[0]?.message).toBe(
      'First name must only include letters, spaces, hyphens and apostrophes',
    );
    expect(schema.safeParse('a'.repeat(101)).error?.issues[0]?.message).toBe(
      'First name must be 100 characters or fewer',
    );
    expect(schema.parse("o'neill")).toBe("o'neill");
  });

  it('normalising is idempotent, and no name with a digit is valid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (input) => normalisePersonName(normalisePersonName(input)) === normalisePersonName(input),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...examplePersonNames),
        fc.integer({ min: 0, max: 9 }),
        (name, digit) => !isValidPersonName(`${name}${String(digit)}`),
      ),
    );
  });
});
