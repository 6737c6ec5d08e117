import { describe, expect, it } from 'vitest';
import type { ResourceTree } from './catalogue-resources.js';
import { resources, sourceLanguage } from './i18n.js';
import { readingGrade, wordCount } from './plain-content.js';
import { englishErrors } from './translation-check.js';

function flatten(tree: ResourceTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

// English error messages are their own keys, so the pages' resources leave that file out (see i18n.ts).
const english = { ...resources[sourceLanguage], errors: englishErrors } as Record<string, ResourceTree>;
/** Every English string a resident can read: page text, every question, hint and option of the catalogue, every error. */
const residentText = (['common', 'catalogue', 'errors'] as const).flatMap((namespace) =>
  flatten(english[namespace] ?? {}, `${namespace}:`),
);

/**
 * A sentence of 8 words or more may score up to grade 8 (reading age 13) on its own: single
 * sentences swing a grade or two either way. Taken together the text must read at grade 6 or
 * below (reading age 11), the target for residents with low literacy.
 */
const sentenceLimit = 8;
const overallLimit = 6;

/** Texts allowed above the sentence limit, each with the reason its words cannot be plainer. */
const exceptions: Readonly<Record<string, string>> = {
  // The GOV.UK Design System's wording for a name with characters it cannot take: hyphens and
  // apostrophes are the plainest names for the characters meant, and a resident sees it only
  // after typing one of the others.
  ...Object.fromEntries(
    residentText
      .filter(([, text]) => text.endsWith('must only include letters, spaces, hyphens and apostrophes'))
      .map(([key]) => [key, 'GOV.UK pattern for names']),
  ),
};

describe('plain English in everything a resident reads', () => {
  it(`reads at grade ${String(overallLimit)} or below taken together (reading age about 11)`, () => {
    const grade = readingGrade(residentText.map(([, text]) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' '));
    expect(grade).toBeLessThanOrEqual(overallLimit);
  });

  it(`has no sentence of 8 words or more above grade ${String(sentenceLimit)}, except those listed with a reason`, () => {
    const hard = residentText
      .filter(([key, text]) => wordCount(text) >= 8 && !(key in exceptions) && readingGrade(text) > sentenceLimit)
      .map(([key, text]) => `${key} (grade ${readingGrade(text).toFixed(1)}): ${text}`);
    expect(hard).toEqual([]);
  });

  it('lists no exception that is not needed', () => {
    const unneeded = Object.keys(exceptions).filter((key) => {
      const text = residentText.find(([candidate]) => candidate === key)?.[1];
      return text === undefined || readingGrade(text) <= sentenceLimit;
    });
    expect(unneeded).toEqual([]);
  });

  it('words bereavement kindly: "the person who died", never "the deceased" or "the late"', () => {
    const unkind = residentText
      .filter(([, text]) => /\b(deceased|the late|decedent|passed away|expired)\b/i.test(text))
      .map(([key]) => key);
    expect(unkind).toEqual([]);
  });

  it('scores hard text as hard and plain text as plain (so the checks above can fail)', () => {
    expect(
      readingGrade(
        'I confirm that the information I have given is correct to the best of my knowledge, and I agree to it being shared with the services listed above.',
      ),
    ).toBeGreaterThan(sentenceLimit);
    expect(readingGrade('Tell us when they died. You can find the date on the death certificate.')).toBeLessThan(
      overallLimit,
    );
  });
});
