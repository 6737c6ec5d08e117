import { describe, expect, it } from 'vitest';
import { ownCorrections } from './own-corrections.js';

const died = { lifeEvent: 'someone-died' as const, role: null };

describe("an organisation's own corrections", () => {
  it('names only the fields routed to it, oldest first, and leaves out a correction that touched none', () => {
    const stored = [
      { at: '2026-06-16T09:00:00.123456+00:00', fields: ['dateOfDeath', 'maritalStatus'] },
      { at: '2026-06-15T09:00:00+00:00', fields: ['nhsNumber'] },
      { at: '2026-06-17T09:00:00+00:00', fields: ['nationalInsuranceNumber'] },
    ];
    expect(ownCorrections({ ...died, agency: 'gp-practice' }, stored)).toEqual([
      { at: '2026-06-15T09:00:00.000Z', fields: ['nhsNumber'] },
      { at: '2026-06-16T09:00:00.123Z', fields: ['dateOfDeath'] },
    ]);
    expect(ownCorrections({ ...died, agency: 'jobcentre' }, stored)).toEqual([
      { at: '2026-06-16T09:00:00.123Z', fields: ['dateOfDeath', 'maritalStatus'] },
      { at: '2026-06-17T09:00:00.000Z', fields: ['nationalInsuranceNumber'] },
    ]);
  });

  it('is absent when nothing of its own was corrected', () => {
    expect(ownCorrections({ ...died, agency: 'council' }, null)).toBeUndefined();
    expect(
      ownCorrections({ ...died, agency: 'council' }, [{ at: '2026-06-17T09:00:00Z', fields: ['nhsNumber'] }]),
    ).toBeUndefined();
  });

  it("gives each council of a move only its own part's fields", () => {
    const stored = [{ at: '2026-06-17T09:00:00Z', fields: ['councilTaxAccount', 'paysCouncilTax'] }];
    const move = { lifeEvent: 'moving-home' as const, agency: 'council' as const };
    expect(ownCorrections({ ...move, role: 'leaving' }, stored)?.[0]?.fields).toEqual(['councilTaxAccount']);
    expect(ownCorrections({ ...move, role: 'joining' }, stored)?.[0]?.fields).toEqual(['paysCouncilTax']);
  });
});
