import { exampleSubmissions } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { normaliseCode, normaliseName, onePersonNamed, searchTerms } from './submission-search.js';

describe('search terms', () => {
  it('finds the people and postcodes of a submission by field kind (protected identifiers are hashed instead)', () => {
    expect(searchTerms(exampleSubmissions['someone-died'])).toEqual({
      people: [
        { name: "Margaret Rose O'Brien", role: 'The person who died' },
        { name: "Sean O'Brien", role: 'The person reporting' },
      ],
      postcodes: ['LS1 4AP'],
    });
    expect(searchTerms(exampleSubmissions['baby-born'])).toMatchObject({ postcodes: ['CB1 2AB'] });
  });
});

describe('normalising', () => {
  it.each([
    ["  ZOË  O'Brien ", 'zoe obrien'],
    ['Anne-Marie', 'annemarie'],
    ['%_', ''],
  ])('name %j reads as %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it.each([
    ['ls1 4ap', 'LS14AP'],
    ['tuo-7k3m-9q', 'TUO7K3M9Q'],
  ])('code %j reads as %j', (input, expected) => {
    expect(normaliseCode(input)).toBe(expected);
  });
});

describe('one person named', () => {
  it.each([
    ['margaret rose obrien | sean obrien', 'margaret obrien', true],
    ['margaret rose obrien | sean obrien', 'obrien marg', true],
    ['margaret rose obrien | sean obrien', 'margaret sean', false],
    ['rhys evans | margaret jones', 'margaret evans', false],
  ])('%j matches %j: %s', (names, query, matches) => {
    // The same regular expression language as Postgres for these patterns (lookahead, alternation, anchors).
    expect(new RegExp(onePersonNamed(query)).test(names)).toBe(matches);
  });
});
