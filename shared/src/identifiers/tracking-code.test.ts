import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrackingCode, isTrackingCode, normaliseTrackingCode, trackingCodeFromRandom } from './tracking-code.js';

const code = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 20, maxLength: 20 }).map(trackingCodeFromRandom);

describe('tracking code', () => {
  it('is four groups of five Crockford characters, with no I, L, O or U', () => {
    fc.assert(fc.property(code, (generated) => /^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}$/.test(generated)));
  });

  it('is read however it is typed: any case, spaces or hyphens, I and L as 1, O as 0', () => {
    expect(normaliseTrackingCode(' 7k3mq 9q2mx-4hb8c  zt1rw ')).toBe('7K3MQ9Q2MX4HB8CZT1RW');
    expect(normaliseTrackingCode('7K3MQ-9Q2MX-4HB8C-ZTIRW')).toBe(normaliseTrackingCode('7K3MQ-9Q2MX-4HB8C-ZTLRW'));
    expect(normaliseTrackingCode('O0OO0')).toBe('00000');
    fc.assert(
      fc.property(
        code,
        (generated) =>
          isTrackingCode(generated.toLowerCase().replaceAll('-', ' ')) &&
          formatTrackingCode(generated.toLowerCase()) === generated,
      ),
    );
  });

  it('refuses the wrong length or characters', () => {
    for (const wrong of [
      '7K3MQ-9Q2MX-4HB8C',
      '7K3MQ-9Q2MX-4HB8C-ZT1RW-A',
      '7K3MQ-9Q2MX-4HB8C-ZT1R!',
      '7K3MQ-9Q2MX-4HB8C-ZT1RU',
      '',
    ])
      expect(isTrackingCode(wrong)).toBe(false);
    expect(() => trackingCodeFromRandom([1, 2, 3])).toThrow(RangeError);
    expect(() => trackingCodeFromRandom(Array.from({ length: 20 }, () => 32))).toThrow(RangeError);
  });
});
