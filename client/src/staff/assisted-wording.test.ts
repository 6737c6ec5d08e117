import { speaksToResident } from '@tuo/shared/testing/speaks-to-resident';
import { describe, expect, it } from 'vitest';
import { sourceLanguage } from '../i18n/i18n.js';
import { staffI18n } from './staff-i18n.js';

const staffText = staffI18n.getResourceBundle(sourceLanguage, 'staff') as {
  assistedJourney: Record<string, Record<string, string> | undefined>;
};
const assistedJourney = staffText.assistedJourney;

// The adviser's words for the resident pages' own text (not the banner or the declaration read
// aloud, which speak to the adviser and to the resident on purpose).
const pages = ['whoToTell', 'whichCouncil'] as const;

describe('the adviser’s words on the resident pages', () => {
  it('speak to the adviser about the resident, never to the resident', () => {
    const texts = pages.flatMap((page) =>
      Object.entries(assistedJourney[page] ?? {}).map(([key, text]) => ({ key: `${page}.${key}`, text })),
    );
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter(({ text }) => speaksToResident(text))).toEqual([]);
  });
});
