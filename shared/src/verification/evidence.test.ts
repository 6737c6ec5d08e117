import { describe, expect, it } from 'vitest';
import { catalogue } from '../journeys/catalogue.js';
import { evidenceChecks, evidenceGiven } from './evidence.js';
import { verificationLevel } from './verification.js';

const at = new Date('2026-12-02T10:00:00.000Z');
const died = catalogue['someone-died'];

describe('evidence in the catalogue', () => {
  it.each([
    [{ deathRegistered: 'yes-with-reference', tellUsOnceReference: 'TUO12345678' }, ['registrar-reference']],
    [{ deathRegistered: 'yes', registrationDistrict: 'Leeds', registrationDate: '2025-01-20' }, ['death-registration']],
    [{ deathRegistered: 'coroner-interim-certificate' }, ['coroner-certificate']],
    [{ deathRegistered: 'not-yet' }, []],
    [{}, []],
  ])('a death answered %j gives %j', (answers, kinds) => {
    expect(evidenceGiven(died, answers)).toEqual(kinds);
  });

  it('counts a yes-no only when yes, and a date when given', () => {
    expect(evidenceGiven(catalogue['baby-born'], { birthRegistered: 'yes' })).toEqual(['birth-registration']);
    expect(evidenceGiven(catalogue['baby-born'], { birthRegistered: 'no' })).toEqual([]);
    expect(evidenceGiven(catalogue['moving-home'], { tenancyOrCompletionDate: '2026-12-20' })).toEqual([
      'tenancy-date',
    ]);
  });

  it("makes the registrar's reference a registrar-reference-given check, and other evidence an evidence-given one", () => {
    expect(evidenceChecks(died, { tellUsOnceReference: 'TUO12345678' }, at)).toEqual([
      { kind: 'registrar-reference-given', by: 'reporter', at: at.toISOString() },
    ]);
    expect(evidenceChecks(died, { deathRegistered: 'coroner-interim-certificate' }, at)).toEqual([
      { kind: 'evidence-given', by: 'reporter', at: at.toISOString(), detail: ['coroner-certificate'] },
    ]);
  });

  it('raises a confirmed report one level for a registrar reference, and not for the reporter’s other word', () => {
    const confirmed = { kind: 'contact-confirmed' as const, by: 'email', at: at.toISOString() };
    expect(verificationLevel([confirmed, ...evidenceChecks(died, { tellUsOnceReference: 'TUO1' }, at)])).toBe('medium');
    expect(verificationLevel([confirmed, ...evidenceChecks(died, { deathRegistered: 'yes' }, at)])).toBe('low');
    expect(verificationLevel(evidenceChecks(died, { tellUsOnceReference: 'TUO1' }, at))).toBeUndefined();
  });
});
