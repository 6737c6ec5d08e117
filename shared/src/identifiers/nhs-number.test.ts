import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asTyped, validNhsNumber } from '../testing/identifier-arbitraries.js';
import {
  exampleNhsNumbers,
  formatNhsNumber,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  nhsNumberCheckDigitMessage,
  nhsNumberMessage,
  normaliseNhsNumber,
} from './nhs-number.js';
import { nhsNumberSchema } from './nhs-number-schema.js';

describe('NHS number', () => {
  it('accepts the published test numbers and normalises them to 10 digits', () => {
    for (const example of exampleNhsNumbers) {
      expect(isValidNhsNumber(example)).toBe(true);
      expect(nhsNumberSchema.parse(example)).toMatch(/^\d{10}$/);
    }
    expect(nhsNumberSchema.parse('943-476-5919')).toBe('9434765919');
  });

  it('says "correct format" for the wrong length or characters, with an example that is itself valid', () => {
    for (const wrongFormat of ['943 476 591', '94347659190', 'nine', '']) {
      expect(nhsNumberSchema.safeParse(wrongFormat).error?.issues.map((issue) => issue.message)).toEqual([
        nhsNumberMessage,
      ]);
    }
    const example = /like ([\d ]+)$/.exec(nhsNumberMessage)?.[1] ?? '';
    expect(isValidNhsNumber(example)).toBe(true);
  });

  it('says "check it" for 10 digits that fail the check digit, such as the design system\'s format example or one mistyped digit', () => {
    for (const mistyped of ['485 777 3456', '943 476 5918', '934 476 5919']) {
      expect(nhsNumberSchema.safeParse(mistyped).error?.issues.map((issue) => issue.message)).toEqual([
        nhsNumberCheckDigitMessage,
      ]);
    }
  });

  it('rejects wrong lengths, letters and numbers whose check digit would be 10', () => {
    for (const invalid of ['943 476 591', '94347659190', '943 476 591X', '', 'nine'])
      expect(isValidNhsNumber(invalid)).toBe(false);
    // Weighted sums: 0 → 11 - 0 = 11, which becomes 0; 1×2 = 2 → 9; 6×2 = 12 → 11 - 1 = 10, invalid.
    expect(nhsNumberCheckDigit('000000000')).toBe(0);
    expect(nhsNumberCheckDigit('000000001')).toBe(9);
    expect(nhsNumberCheckDigit('000000006')).toBeUndefined();
    // 1×10 + 2×9 + … + 9×2 = 210, and 210 mod 11 = 1, so no NHS number starts 123456789.
    expect(nhsNumberCheckDigit('123456789')).toBeUndefined();
    expect(isValidNhsNumber('1234567890')).toBe(false);
  });

  it('accepts every generated valid number, however it is spaced', () => {
    fc.assert(
      fc.property(
        validNhsNumber.chain((n) => fc.tuple(fc.constant(n), asTyped(n))),
        ([nhs, typed]) => isValidNhsNumber(typed) && normaliseNhsNumber(typed) === nhs,
      ),
    );
  });

  it('normalising is idempotent and formatting round-trips', () => {
    fc.assert(
      fc.property(fc.string(), (input) => normaliseNhsNumber(normaliseNhsNumber(input)) === normaliseNhsNumber(input)),
    );
    fc.assert(
      fc.property(
        validNhsNumber,
        (nhs) => normaliseNhsNumber(formatNhsNumber(nhs)) === nhs && isValidNhsNumber(formatNhsNumber(nhs)),
      ),
    );
  });

  it('detects any change to one digit', () => {
    fc.assert(
      fc.property(
        validNhsNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nhs, position, delta) => {
          const changed =
            nhs.slice(0, position) + String((Number(nhs.charAt(position)) + delta) % 10) + nhs.slice(position + 1);
          return !isValidNhsNumber(changed);
        },
      ),
    );
  });
});
