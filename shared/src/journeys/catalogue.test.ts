import { describe, expect, it } from 'vitest';
import { agencyKinds } from '../agencies/agency-kinds.js';
import { catalogue, getJourney, isLifeEventId, lifeEventIds, pagePath } from './catalogue.js';
import { journeyDefinitionSchema } from './definition/journey-definition-schema.js';

describe('catalogue', () => {
  it.each(lifeEventIds)('%s validates against the meta-schema and is filed under its own id', (id) => {
    expect(journeyDefinitionSchema.safeParse(catalogue[id]).error?.issues ?? []).toEqual([]);
    expect(getJourney(id).id).toBe(id);
  });

  // 12 at most: someone-died has both the registration evidence page and the GP practice page,
  // whose no-JavaScript directory search posts the page back and so wants a page of its own.
  it.each(lifeEventIds)('%s has 5 to 12 pages, and routes to at least one agency', (id) => {
    const { pages, routing } = getJourney(id);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeLessThanOrEqual(12);
    expect(agencyKinds.some((agency) => routing[agency])).toBe(true);
  });

  it('builds page paths and recognises life event ids', () => {
    expect(pagePath('someone-died', 'last-address')).toBe('/someone-died/their-address');
    expect(pagePath('moving-home', 'check-answers')).toBe('/moving-home/check-answers');
    expect(isLifeEventId('baby-born')).toBe(true);
    expect(isLifeEventId('wedding')).toBe(false);
  });

  it('tells the bereaved kindly on the first page', () => {
    expect(getJourney('someone-died').pages[0]?.hint).toContain("We're sorry for your loss");
  });
});
