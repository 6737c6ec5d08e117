import type { ResourceLanguage } from 'i18next';
import type { ResourceTree } from './catalogue-resources.js';
import { addLanguage, localeFile, sourceLanguage } from './i18n.js';

/** Every language's page, catalogue and error text, for the server's renderer and tests. */
const files = import.meta.glob<ResourceTree>(['./locales/*/*.json', '!./locales/*/notify.json'], {
  eager: true,
  import: 'default',
});

/** Registers every language at once: the server renders any of them, so it holds them all. */
export function addEveryLanguage(): void {
  const bundles: Record<string, ResourceLanguage> = {};
  for (const [path, tree] of Object.entries(files)) {
    const { language, namespace } = localeFile(path);
    if (language !== sourceLanguage) (bundles[language] ??= {})[namespace] = tree;
  }
  for (const [language, bundle] of Object.entries(bundles)) addLanguage(language, bundle);
}
