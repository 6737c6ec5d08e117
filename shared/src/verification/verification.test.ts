import { describe, expect, it } from 'vitest';
import { meetsLevel, verificationLevel, type VerificationCheck } from './verification.js';

const at = '2026-12-01T10:00:00.000Z';
const check = (kind: VerificationCheck['kind'], level?: VerificationCheck['level']): VerificationCheck => ({
  kind,
  by: 'x',
  at,
  ...(level ? { level } : {}),
});

describe('verificationLevel', () => {
  it.each([
    [[], undefined],
    [[check('registrar-reference-given')], undefined],
    [[check('contact-confirmed')], 'low'],
    [[check('adviser-checked')], 'low'],
    [[check('identity-documents-seen')], 'medium'],
    [[check('contact-confirmed'), check('registrar-reference-given')], 'medium'],
    [[check('identity-documents-seen'), check('registrar-reference-given')], 'high'],
    [[check('trusted-submitter', 'high'), check('registrar-reference-given')], 'high'],
    [[check('contact-confirmed'), check('staff-check', 'high')], 'high'],
    [[check('trusted-submitter', 'medium')], 'medium'],
    // Other evidence is the reporter's word: it reaches no level and raises none.
    [[check('evidence-given')], undefined],
    [[check('contact-confirmed'), check('evidence-given')], 'low'],
  ] as const)('%j is %s', (checks, level) => {
    expect(verificationLevel(checks)).toBe(level);
  });

  it('meets a minimum only at or above it, and never without a level', () => {
    expect(meetsLevel('medium', 'low')).toBe(true);
    expect(meetsLevel('low', 'medium')).toBe(false);
    expect(meetsLevel(undefined, 'low')).toBe(false);
  });
});
