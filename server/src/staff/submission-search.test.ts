import { exampleSubmissions } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { normaliseCode, normaliseName, searchTerms } from './submission-search.js';

describe('search terms', () => {
  it('finds the names and postcodes of a submission by field kind (protected identifiers are hashed instead)', () => {
    expect(searchTerms(exampleSubmissions['someone-died'])).toEqual({
      names: ['Margaret', 'Rose', "O'Brien", "Sean O'Brien"],
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
