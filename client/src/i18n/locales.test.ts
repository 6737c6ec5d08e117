import { describe, expect, it } from 'vitest';
import { engineMessages } from './engine-messages.js';
import { addEveryLanguage } from './every-language.js';
import { languages, localeFile, resources, sourceLanguage } from './i18n.js';
import type { ResourceTree } from './catalogue-resources.js';
import { compareWithEnglish, englishErrors, flattenTree as flatten } from './translation-check.js';

const english = resources[sourceLanguage] as Record<string, ResourceTree>;

describe('English translations', () => {
  it('list every error message a resident can be shown, and nothing else (update with `vitest -u`)', async () => {
    const messages = engineMessages();
    expect(messages.length).toBeGreaterThan(100);
    const file = `${JSON.stringify(Object.fromEntries(messages.map((message) => [message, message])), null, 2)}\n`;
    await expect(file).toMatchFileSnapshot('./locales/en/errors.json');
  });

  it('have a title, question or label for every journey, page, field and option', () => {
    const catalogue = new Map(flatten(english.catalogue ?? {}));
    expect(catalogue.get('journeys.someone-died.fields.dateOfDeath.label')).toBe('When did they die?');
    expect(catalogue.get('journeys.moving-home.routing.council.purpose')).toMatch(/council/i);
    expect([...catalogue.values()].every((text) => text.trim() !== '')).toBe(true);
  });
});

describe('every other language', () => {
  addEveryLanguage();
  // Email and text messages are sent by the server, so the pages never load them.
  const notify = Object.fromEntries(
    Object.entries(import.meta.glob<ResourceTree>('./locales/*/notify.json', { eager: true, import: 'default' })).map(
      ([path, tree]) => [localeFile(path).language, tree],
    ),
  );
  // English error messages are their own keys, so the pages leave that file out (see i18n.ts).
  const englishNamespaces: Record<string, ResourceTree> = {
    ...english,
    errors: englishErrors,
    notify: notify[sourceLanguage] ?? {},
  };
  const others = languages.filter((language) => language !== sourceLanguage);

  it('has every English key, in every namespace and plural form, and no other', () => {
    const report: string[] = [];
    for (const language of others) {
      for (const [namespace, tree] of Object.entries(englishNamespaces)) {
        const translated =
          namespace === 'notify'
            ? notify[language]
            : (resources[language] as Record<string, ResourceTree> | undefined)?.[namespace];
        const { missing, unknown } = compareWithEnglish(language, tree, translated ?? {});
        if (missing.length > 0)
          report.push(`${language}/${namespace}.json is missing ${missing.length}:\n  ${missing.join('\n  ')}`);
        if (unknown.length > 0)
          report.push(`${language}/${namespace}.json has keys English does not:\n  ${unknown.join('\n  ')}`);
      }
    }
    expect(
      report.join('\n'),
      'Translate these keys (English is in locales/en and, for the catalogue, shared/src/journeys)',
    ).toBe('');
  });

  it('fills in the same {{values}} as English', () => {
    const report = others.flatMap((language) =>
      Object.entries(englishNamespaces).flatMap(([namespace, tree]) => {
        const translated =
          namespace === 'notify'
            ? notify[language]
            : (resources[language] as Record<string, ResourceTree> | undefined)?.[namespace];
        return compareWithEnglish(language, tree, translated ?? {}).variables.map(
          (problem) => `${language}/${namespace}: ${problem}`,
        );
      }),
    );
    expect(report).toEqual([]);
  });

  it('would notice a missing key, a missing plural form and a changed value name', () => {
    const english = { a: 'A {{name}}', b: { c: 'C' }, count_one: '{{count}} thing', count_other: '{{count}} things' };
    const problems = compareWithEnglish('pl', english, {
      a: 'A {{nazwa}}',
      count_one: '{{count}} rzecz',
      count_few: '{{count}} rzeczy',
      count_other: '{{count}} rzeczy',
      d: 'D',
    });
    expect(problems).toEqual({
      missing: ['b.c', 'count_many'],
      unknown: ['d'],
      variables: ['a: {{name}} in English, {{nazwa}} here'],
    });
  });
});
