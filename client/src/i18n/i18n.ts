import i18next, { type i18n, type InitOptions, type Resource, type ResourceLanguage } from 'i18next';
// Deep imports, not the package index: the index brings zod, which the first page does not need.
import { agencies } from '@tuo/shared/agencies/agency-descriptions';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import { languages } from '@tuo/shared/submission/languages';
import { catalogueResources, type ResourceTree } from './catalogue-resources.js';

/** The language every other falls back to, and the only one whose text is complete by rule. */
export const sourceLanguage = 'en';

/** The namespaces: page text, the journeys (from the catalogue in English) and error messages. */
export const namespaces = ['common', 'catalogue', 'errors'] as const;

/**
 * English is in every bundle: it is the fallback, so a key not yet translated reads the same in
 * the server's HTML and the browser's hydration. `notify.json` is the text of emails and texts,
 * which only the server sends. `errors.json` in English maps each message to itself (its keys are
 * the list other languages translate), and i18next shows a missing key as itself, so no page needs it.
 */
const englishFiles = import.meta.glob<ResourceTree>(
  ['./locales/en/*.json', '!./locales/en/notify.json', '!./locales/en/errors.json'],
  { eager: true, import: 'default' },
);

/** A file's language and namespace from its path: `./locales/cy/common.json`. */
export function localeFile(path: string): { language: string; namespace: string } {
  const [, language = '', namespace = ''] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  return { language, namespace };
}

function englishResources(): ResourceLanguage {
  const english: ResourceLanguage = {};
  for (const [path, tree] of Object.entries(englishFiles)) english[localeFile(path).namespace] = tree;
  // English journey text lives in the definitions themselves, so it can never fall out of step.
  english.catalogue = catalogueResources(journeyDefinitions, agencies);
  return english;
}

/**
 * The translations loaded so far, by language and then namespace: English at once, others when
 * registered ({@link addLanguage}), so a browser downloads only the language it shows.
 */
export const resources: Resource = { [sourceLanguage]: englishResources() };

/** Languages a resident can choose. */
export { languages };

/** Makes a language's namespaces available to {@link createI18n} and {@link i18nFor}. */
export function addLanguage(language: string, bundle: ResourceLanguage): void {
  if (language === sourceLanguage) return;
  resources[language] = { ...resources[language], ...bundle };
  instances.delete(language);
}

/**
 * A ready i18next instance for one language, from the languages registered. Initialised
 * synchronously, so the server can render with it at once. `options` is for tests.
 */
export function createI18n(language: string, options: InitOptions = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: sourceLanguage,
    supportedLngs: [...languages],
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" to residents.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: false },
    ...options,
  });
  return instance;
}

const instances = new Map<string, i18n>();

/** The shared instance for a language: created once, then reused by every render. English when the language is not registered. */
export function i18nFor(language: string): i18n {
  const known = Object.hasOwn(resources, language) ? language : sourceLanguage;
  let instance = instances.get(known);
  if (!instance) {
    instance = createI18n(known);
    instances.set(known, instance);
  }
  return instance;
}
