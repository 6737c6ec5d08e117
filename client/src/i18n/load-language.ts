import type { ResourceLanguage } from 'i18next';
import type { ResourceTree } from './catalogue-resources.js';
import { addLanguage, localeFile, resources } from './i18n.js';

// Not eager: each language's files become their own chunks, fetched only by pages in that language.
const loaders = import.meta.glob<ResourceTree>(
  ['./locales/*/*.json', '!./locales/en/*.json', '!./locales/*/notify.json'],
  { import: 'default' },
);

/** Fetches and registers one language's text (in the browser, before hydrating a page in it). */
export async function loadLanguage(language: string): Promise<void> {
  if (Object.hasOwn(resources, language)) return;
  const files = Object.entries(loaders).filter(([path]) => localeFile(path).language === language);
  const bundle: ResourceLanguage = {};
  await Promise.all(
    files.map(async ([path, load]) => {
      bundle[localeFile(path).namespace] = await load();
    }),
  );
  if (files.length > 0) addLanguage(language, bundle);
}
