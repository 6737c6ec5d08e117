import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validUkMobile } from '../testing/identifier-arbitraries.js';
import {
  examplePhoneNumbers,
  formatPhoneNumber,
  isValidPhoneNumber,
  normalisePhoneNumber,
  phoneNumberMessage,
} from './phone-number.js';
import { phoneNumberSchema } from './phone-number-schema.js';

describe('phone number', () => {
  it('accepts the Ofcom drama numbers, normalised to E.164', () => {
    expect(examplePhoneNumbers.map((example) => phoneNumberSchema.parse(example))).toEqual([
      '+441632960001',
      '+447700900982',
      '+448081570192',
    ]);
  });

  it.each(['+44 (0)7700 900982', '0044 7700 900982', '07700-900-982', '(07700) 900 982', '+447700900982'])(
    'reads %s as the same mobile',
    (input) => {
      expect(normalisePhoneNumber(input)).toBe('+447700900982');
    },
  );

  it('accepts international numbers for relatives abroad', () => {
    expect(phoneNumberSchema.parse('+33 1 23 45 67 89')).toBe('+33123456789');
  });

  it.each(['0770090098', '077009009821', '04123456789', '12345', '+44 12', 'phone me'])(
    'rejects %s with the GOV.UK message',
    (input) => {
      expect(phoneNumberSchema.safeParse(input).error?.issues[0]?.message).toBe(phoneNumberMessage);
    },
  );

  it('normalising is idempotent, and national and international forms agree', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (input) => normalisePhoneNumber(normalisePhoneNumber(input)) === normalisePhoneNumber(input),
      ),
    );
    fc.assert(
      fc.property(
        validUkMobile,
        (mobile) => isValidPhoneNumber(mobile) && normalisePhoneNumber(`0${mobile.slice(3)}`) === mobile,
      ),
    );
  });

  it('rejects a mobile number with a digit missing or added', () => {
    fc.assert(
      fc.property(
        validUkMobile,
        (mobile) => !isValidPhoneNumber(mobile.slice(0, -1)) && !isValidPhoneNumber(`${mobile}1`),
      ),
    );
  });
});

describe('formatPhoneNumber', () => {
  it('shows UK numbers as residents write them, not as +44', () => {
    expect(formatPhoneNumber('+447700900982')).toBe('07700 900982');
    expect(formatPhoneNumber('+442079460958')).toBe('020 7946 0958');
    expect(formatPhoneNumber('+448081570192')).toBe('0808 157 0192');
    expect(formatPhoneNumber('+441632960001')).toBe('01632 960001');
    expect(formatPhoneNumber('+33123456789')).toBe('+33123456789');
  });

  it('reads back as the same number', () => {
    for (const example of examplePhoneNumbers)
      expect(normalisePhoneNumber(formatPhoneNumber(normalisePhoneNumber(example)))).toBe(
        normalisePhoneNumber(example),
      );
  });
});
