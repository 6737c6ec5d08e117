import i18next, { type i18n, type InitOptions, type Resource } from 'i18next';
// Deep imports, not the package index: the index brings zod, which the first page does not need.
import { agencies } from '@tuo/shared/agencies/agency-descriptions';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import { catalogueResources, type ResourceTree } from './catalogue-resources.js';

/**
 * Every translation file: `locales/{language}/{namespace}.json`. Adding a language is adding a
 * folder of JSON files with the same keys as `en`: no code changes.
 */
const files = import.meta.glob<ResourceTree>('./locales/*/*.json', { eager: true, import: 'default' });

/** The language every other falls back to, and the only one whose text is complete by rule. */
export const sourceLanguage = 'en';

/** The namespaces: page text, the journeys (from the catalogue in English) and error messages. */
export const namespaces = ['common', 'catalogue', 'errors'] as const;

function loadResources(): Resource {
  const resources: Resource = {};
  for (const [path, tree] of Object.entries(files)) {
    const [, language = '', namespace = ''] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    (resources[language] ??= {})[namespace] = tree;
  }
  // English journey text lives in the definitions themselves, so it can never fall out of step.
  (resources[sourceLanguage] ??= {}).catalogue = catalogueResources(journeyDefinitions, agencies);
  return resources;
}

/** Translations of every language, by language and then namespace. */
export const resources: Resource = loadResources();

/** Languages with translations. */
export const languages: readonly string[] = Object.keys(resources);

/**
 * A ready i18next instance for one language. Resources are bundled, so it is initialised
 * synchronously and the server can render with it at once. `options` is for tests.
 */
export function createI18n(language: string, options: InitOptions = {}): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: sourceLanguage,
    supportedLngs: languages,
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

/** The shared instance for a language: created once, then reused by every render. */
export function i18nFor(language: string): i18n {
  const known = languages.includes(language) ? language : sourceLanguage;
  let instance = instances.get(known);
  if (!instance) {
    instance = createI18n(known);
    instances.set(known, instance);
  }
  return instance;
}
