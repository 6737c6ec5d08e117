import type { ResourceTree } from './catalogue-resources.js';

/**
 * The English error messages (each its own key): the list other languages translate. Pages leave the
 * file out of their resources (see i18n.ts), so checks over English text add it back from here.
 */
export const englishErrors: ResourceTree =
  Object.values(import.meta.glob<ResourceTree>('./locales/en/errors.json', { eager: true, import: 'default' }))[0] ??
  {};

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every key path of a namespace, with its text: `track.status.queued`. */
export function flattenTree(tree: ResourceTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flattenTree(value, `${prefix}${key}.`),
  );
}

/** The `{{names}}` a text fills in, sorted. */
export function interpolationNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? ''))].sort();
}

/** What is wrong with one language's namespace next to English's. */
export interface TranslationProblems {
  missing: string[];
  unknown: string[];
  /** `key: {{a}} in English, {{b}} here`. */
  variables: string[];
}

/**
 * Compares a translation with English: every English key must be there (a plural key in every
 * plural form the language has, as `Intl.PluralRules` lists them), no key English lacks, and each
 * text must fill in the same `{{values}}` as English.
 */
export function compareWithEnglish(
  language: string,
  english: ResourceTree,
  translated: ResourceTree,
): TranslationProblems {
  const englishTexts = new Map<string, string>();
  const plurals = new Set<string>();
  for (const [key, text] of flattenTree(english)) {
    const base = key.replace(pluralSuffix, '');
    if (base !== key) plurals.add(base);
    if (!englishTexts.has(base) || key.endsWith('_other')) englishTexts.set(base, text);
  }
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const texts = new Map(flattenTree(translated));
  const expected = [...englishTexts.keys()].flatMap((base) =>
    plurals.has(base) ? categories.map((category) => `${base}_${category}`) : [base],
  );
  const missing = expected.filter((key) => !texts.has(key) || texts.get(key)?.trim() === '');
  const expectedSet = new Set(expected);
  const unknown = [...texts.keys()].filter((key) => !expectedSet.has(key));
  const variables = [...texts].flatMap(([key, text]) => {
    const source = englishTexts.get(key.replace(pluralSuffix, ''));
    if (source === undefined) return [];
    const want = interpolationNames(source).join(', ');
    const have = interpolationNames(text).join(', ');
    return want === have ? [] : [`${key}: {{${want}}} in English, {{${have}}} here`];
  });
  return { missing, unknown, variables };
}
