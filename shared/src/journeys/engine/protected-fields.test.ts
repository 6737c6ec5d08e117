import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue.js';
import { protectedFields, protectedKindOf } from './protected-fields.js';

describe('protected fields', () => {
  it('finds every NHS number, National Insurance number and date of birth in the catalogue', () => {
    expect(Object.fromEntries(protectedFields(catalogue['someone-died']))).toEqual({
      dateOfBirth: 'date-of-birth',
      nationalInsuranceNumber: 'ni-number',
      nhsNumber: 'nhs-number',
    });
    expect(Object.fromEntries(protectedFields(catalogue['baby-born']))).toEqual({
      babyDateOfBirth: 'date-of-birth',
      babyNhsNumber: 'nhs-number',
      parentNiNumber: 'ni-number',
    });
    expect(protectedFields(catalogue['someone-moving-in-or-out']).get('otherPersonDateOfBirth')).toBe('date-of-birth');
  });

  it('leaves other dates and kinds alone', () => {
    expect(protectedKindOf({ name: 'dateOfDeath', kind: 'date' })).toBeUndefined();
    expect(protectedKindOf({ name: 'moveDate', kind: 'date' })).toBeUndefined();
    expect(protectedKindOf({ name: 'born', kind: 'date', autocomplete: 'bday' })).toBe('date-of-birth');
    expect(protectedKindOf({ name: 'postcode', kind: 'postcode' })).toBeUndefined();
  });
});
