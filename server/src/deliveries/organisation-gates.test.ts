import { describe, expect, it } from 'vitest';
import { OrganisationGates } from './organisation-gates.js';

const settings = { concurrency: 3, failuresToOpen: 2, openMs: 1000, maxOpenMs: 4000 };

describe('OrganisationGates', () => {
  it('limits attempts in flight per organisation, each organisation on its own', () => {
    const gates = new OrganisationGates(settings);
    gates.take('northbridge-council');
    gates.take('northbridge-council');
    expect(gates.free('northbridge-council', 0)).toBe(1);
    expect(gates.free('station-road-surgery', 0)).toBe(3);
    gates.settle('northbridge-council', true, 0);
    expect(gates.free('northbridge-council', 0)).toBe(2);
  });

  it('opens after failures in a row, lets one probe through after the open period, and backs off', () => {
    const gates = new OrganisationGates(settings);
    gates.take('northbridge-council');
    gates.take('northbridge-council');
    gates.settle('northbridge-council', false, 0);
    expect(gates.free('northbridge-council', 0)).toBe(2);
    gates.settle('northbridge-council', false, 10);
    expect(gates.isOpen('northbridge-council', 10)).toBe(true);
    expect(gates.free('northbridge-council', 500)).toBe(0);
    expect(gates.free('station-road-surgery', 500)).toBe(3);
    // Half open: one probe only.
    expect(gates.free('northbridge-council', 1010)).toBe(1);
    gates.take('northbridge-council');
    expect(gates.free('northbridge-council', 1010)).toBe(0);
    gates.settle('northbridge-council', false, 1100);
    // The failed probe opens it for twice as long.
    expect(gates.free('northbridge-council', 2099)).toBe(0);
    expect(gates.free('northbridge-council', 2100)).toBe(1);
    gates.take('northbridge-council');
    gates.settle('northbridge-council', false, 2100);
    expect(gates.free('northbridge-council', 2100 + 1999)).toBe(0);
    expect(gates.free('northbridge-council', 2100 + 2000)).toBe(1);
    // An answer closes it again, at full width.
    gates.take('northbridge-council');
    gates.settle('northbridge-council', true, 4200);
    expect(gates.free('northbridge-council', 4200)).toBe(3);
  });

  it('counts a refusal as an answer: the organisation is up', () => {
    const gates = new OrganisationGates(settings);
    gates.take('northbridge-council');
    gates.settle('northbridge-council', false, 0);
    gates.take('northbridge-council');
    gates.settle('northbridge-council', true, 0);
    gates.take('northbridge-council');
    gates.settle('northbridge-council', false, 0);
    expect(gates.isOpen('northbridge-council', 0)).toBe(false);
  });

  it('does not push the open period out for attempts that were in flight when it opened', () => {
    const gates = new OrganisationGates(settings);
    for (let i = 0; i < 3; i++) gates.take('northbridge-council');
    gates.settle('northbridge-council', false, 0);
    gates.settle('northbridge-council', false, 0);
    gates.settle('northbridge-council', false, 900);
    expect(gates.free('northbridge-council', 1000)).toBe(1);
  });

  it('says which keys can take fewer than the full concurrency, and forgets one healthy and idle', () => {
    const gates = new OrganisationGates(settings);
    gates.take('practice-a');
    gates.take('practice-b');
    gates.take('practice-b');
    gates.take('practice-b');
    expect(gates.constrained(0)).toEqual(
      new Map([
        ['practice-a', 2],
        ['practice-b', 0],
      ]),
    );
    gates.settle('practice-a', true, 0);
    expect(gates.constrained(0)).toEqual(new Map([['practice-b', 0]]));
  });
});
