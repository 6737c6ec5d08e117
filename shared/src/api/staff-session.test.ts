import { describe, expect, it } from 'vitest';
import { roleAtLeast, startAssistedRequestSchema } from './staff-session.js';

describe('roles', () => {
  it.each([
    ['adviser', 'adviser', true],
    ['adviser', 'supervisor', false],
    ['supervisor', 'adviser', true],
    ['supervisor', 'admin', false],
    ['admin', 'supervisor', true],
  ] as const)('%s may act as %s: %s', (role, needed, allowed) => {
    expect(roleAtLeast(role, needed)).toBe(allowed);
  });
});

describe('starting an assisted transaction', () => {
  it('needs a mode, at least one identity check and consent', () => {
    const issues = startAssistedRequestSchema
      .safeParse({ identityChecks: [] })
      .error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(['mode', 'identityChecks', 'consentConfirmed']);
    expect(
      startAssistedRequestSchema.safeParse({
        mode: 'phone',
        identityChecks: ['security-questions'],
        consentConfirmed: true,
      }).success,
    ).toBe(true);
  });

  it.each([
    ['phone', 'photo-id', false],
    ['phone', 'proof-of-address', false],
    ['phone', 'called-back-on-known-number', true],
    ['face-to-face', 'photo-id', true],
    ['face-to-face', 'called-back-on-known-number', false],
  ] as const)('%s with %s is accepted: %s', (mode, check, accepted) => {
    const parsed = startAssistedRequestSchema.safeParse({ mode, identityChecks: [check], consentConfirmed: true });
    expect(parsed.success).toBe(accepted);
  });
});
