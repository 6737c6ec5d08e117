import { describe, expect, it } from 'vitest';
import { journeyDefinitions } from '../journeys/journey-definitions.js';
import { getPage } from '../journeys/engine/next-page.js';
import { browserChecks } from './browser-checks.js';

describe('browserChecks', () => {
  it('checks a page of boxes, dates, choices and addresses with the page script, reveals included', () => {
    expect(browserChecks(getPage(journeyDefinitions['someone-died'], 'their-name'))).toBe('page-script');
    expect(browserChecks(getPage(journeyDefinitions['someone-died'], 'last-address'))).toBe('page-script');
    expect(browserChecks(getPage(journeyDefinitions['someone-died'], 'registration'))).toBe('page-script');
    expect(browserChecks(getPage(journeyDefinitions['someone-died'], 'services'))).toBe('page-script');
  });

  it('leaves to React a page with an organisation search, people rows or a character count', () => {
    const pages = Object.values(journeyDefinitions).flatMap((journey) => journey.pages);
    for (const page of pages) {
      const needsReact = page.fields.some((field) => ['organisation', 'people', 'textarea'].includes(field.kind));
      expect(browserChecks(page), page.id).toBe(needsReact || page.kind !== 'form' ? 'react' : 'page-script');
    }
    expect(browserChecks(getPage(journeyDefinitions['someone-died'], 'their-gp-practice'))).toBe('react');
    expect(browserChecks(getPage(journeyDefinitions['moving-home'], 'people-moving'))).toBe('react');
  });
});
