import { getJourney, type LifeEventId } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { sameEventFields, sameEventTerm } from './same-event.js';

describe('the answers that identify an event', () => {
  it.each(Object.entries(sameEventFields))('are fields %s really asks', (lifeEvent, fields) => {
    const asked = getJourney(lifeEvent as LifeEventId).pages.flatMap((page) => page.fields.map((field) => field.name));
    expect(asked).toEqual(expect.arrayContaining([...fields]));
  });

  it('match however a name is typed, and not when any of them differs or is missing', () => {
    const death = { firstName: 'Zoë', lastName: "O'Brien", dateOfBirth: '1941-03-02', dateOfDeath: '2026-11-20' };
    expect(sameEventTerm('someone-died', death)).toBe(
      sameEventTerm('someone-died', { ...death, firstName: ' ZOE ', lastName: 'obrien', middleNames: 'Ann' }),
    );
    expect(sameEventTerm('someone-died', death)).not.toBe(
      sameEventTerm('someone-died', { ...death, dateOfDeath: '2026-11-21' }),
    );
    const { dateOfBirth: _unknown, ...withoutBirth } = death;
    expect(sameEventTerm('someone-died', withoutBirth)).toBeUndefined();
    expect(sameEventTerm('moving-home', { fullName: 'Priya Shah' })).toBeUndefined();
  });
});
