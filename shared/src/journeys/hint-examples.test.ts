import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../identifiers/nhs-number.js';
import { isValidNiNumber } from '../identifiers/ni-number.js';
import { isValidPhoneNumber } from '../identifiers/phone-number.js';
import { catalogue } from './catalogue.js';

const checks: Partial<Record<string, (value: string) => boolean>> = {
  'nhs-number': isValidNhsNumber,
  'ni-number': isValidNiNumber,
  phone: isValidPhoneNumber,
};

describe('examples in hints', () => {
  // Trial users copied "QQ 12 34 56 C" and "485 777 3456" from hints and were told they were wrong.
  it('are values the field itself accepts', () => {
    const examples = Object.values(catalogue).flatMap((journey) =>
      journey.pages.flatMap((page) =>
        page.fields.flatMap((field) => {
          const check = checks[field.kind];
          const example = /For example,? (.+?)\.?$/.exec(field.hint ?? '')?.[1];
          return check && example ? [{ field: `${journey.id}.${field.name}`, example, valid: check(example) }] : [];
        }),
      ),
    );
    expect(examples.length).toBeGreaterThan(4);
    expect(examples.filter((example) => !example.valid)).toEqual([]);
  });
});
