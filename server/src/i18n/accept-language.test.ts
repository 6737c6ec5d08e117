import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './accept-language.js';

describe('preferredLanguage', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['cy', 'cy'],
    ['cy-GB,cy;q=0.9,en;q=0.8', 'cy'],
    ['en-GB,en;q=0.9,cy;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,pl;q=0.5', 'pl'],
    ['pt-BR', 'pt'],
    ['en;q=0.5, ar;q=0.9', 'ar'],
    ['de, ja', undefined],
    ['ar;q=0', undefined],
    ['*', undefined],
  ])('%j asks for %j', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
