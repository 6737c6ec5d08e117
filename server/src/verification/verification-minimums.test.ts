import { describe, expect, it } from 'vitest';
import { minimumFor, verificationMinimumsSchema } from './verification-minimums.js';

describe('VERIFICATION_MINIMUMS', () => {
  it('reads agency and agency:life-event minimums, the most specific winning', () => {
    const minimums = verificationMinimumsSchema.parse('gp-practice:someone-died=high, gp-practice=medium');
    expect(minimumFor(minimums, 'gp-practice', 'someone-died')).toBe('high');
    expect(minimumFor(minimums, 'gp-practice', 'moving-home')).toBe('medium');
    expect(minimumFor(minimums, 'council', 'someone-died')).toBe('low');
  });

  it.each(['gp-practice=top', 'nobody=low', 'gp-practice:no-such-event=low', 'gp-practice'])('refuses %s', (text) => {
    expect(verificationMinimumsSchema.safeParse(text).success).toBe(false);
  });
});
