import { describe, expect, it } from 'vitest';
import type { JourneyDefinition } from '../journeys/definition/journey-definition-schema.js';
import { pageContext } from './page-context.js';

const journey: JourneyDefinition = {
  id: 'test',
  title: 'Test',
  summary: 'A test journey.',
  pages: [
    {
      id: 'first',
      path: 'first',
      kind: 'form',
      title: 'Do you rent?',
      fields: [
        { name: 'rents', kind: 'yes-no', label: 'Do you rent?', errorName: 'If you rent' },
        { name: 'name', kind: 'name', label: 'Name' },
      ],
      next: [{ page: 'second' }],
    },
    {
      id: 'second',
      path: 'second',
      kind: 'form',
      title: 'Landlord',
      fields: [
        { name: 'pays', kind: 'yes-no', label: 'Do you pay?', errorName: 'If you pay' },
        {
          name: 'landlord',
          kind: 'text',
          label: 'Landlord',
          showWhen: {
            all: [
              { field: 'rents', equals: 'yes' },
              { field: 'pays', equals: 'yes' },
            ],
          },
        },
      ],
      next: 'check-answers',
    },
  ],
  routing: {
    council: {
      relevantWhen: 'always',
      fields: ['rents', 'name', 'pays', 'landlord'],
      purpose: 'So the council knows.',
    },
  },
};

describe('pageContext', () => {
  it("holds just the earlier answers the page's conditions read", () => {
    expect(pageContext(journey, 'second', { rents: 'yes', name: 'Ann Lee', pays: 'no' })).toEqual({ rents: 'yes' });
  });

  it('is empty for a page without conditions', () => {
    expect(pageContext(journey, 'first', { rents: 'yes' })).toEqual({});
  });
});
