/** The words of the language's `common.json` the page script says (besides the schema's messages). */
export interface CommonText {
  service: { name: string; documentTitle: string; errorTitle: string };
  problem: { summaryTitle: string; hiddenPrefix: string };
  /** A people field's words (`people-rows.ts`). */
  addAnother: { person: string; remove: string; add: string; full: string };
  /** The address finder's words, plural forms under i18next's suffixes (`found_one`, `found_other`). */
  addressLookup: Readonly<Record<string, string>>;
}

// Each language's file is its own chunk (the React path fetches the same ones), fetched only in that language.
const commonFiles = import.meta.glob<CommonText>('../../i18n/locales/*/common.json', { import: 'default' });

/** The file of one language, undefined for a language without its own. */
export async function languageFile<T>(
  files: Record<string, () => Promise<T>>,
  language: string,
): Promise<T | undefined> {
  const path = Object.keys(files).find((candidate) => candidate.includes(`/locales/${language}/`));
  return path ? files[path]?.() : undefined;
}

/** `language`'s common text (English for a language without files). */
export async function commonText(language: string): Promise<CommonText> {
  // Every language's files have every key (client/src/i18n/locales.test.ts), so one language's file is enough.
  const common = (await languageFile(commonFiles, language)) ?? (await languageFile(commonFiles, 'en'));
  if (!common) throw new Error('The common text is missing from the build');
  return common;
}

/** `{{name}}` filled in, as i18next interpolates (the values are text, put into the page as text). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
