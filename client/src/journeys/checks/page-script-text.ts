import { personMessageTemplate } from '@tuo/shared/journeys/engine/people-field';

/** The words the page script says besides the schema's messages, from the language's `common.json`. */
interface CommonText {
  service: { name: string; documentTitle: string; errorTitle: string };
  problem: { summaryTitle: string; hiddenPrefix: string };
}

// Each language's files are their own chunks (the React path fetches the same ones), fetched only in that language.
const commonFiles = import.meta.glob<CommonText>('../../i18n/locales/*/common.json', { import: 'default' });
// English `errors.json` maps each message to itself, so English needs none.
const errorFiles = import.meta.glob<Readonly<Record<string, string>>>(
  ['../../i18n/locales/*/errors.json', '!../../i18n/locales/en/errors.json'],
  { import: 'default' },
);

const fileOf = (files: Record<string, unknown>, language: string) =>
  Object.keys(files).find((path) => path.includes(`/locales/${language}/`));

/** `{{name}}` filled in, as i18next interpolates (the values are text, put into the page as text). */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** What the page script shows, in the page's language: the same words the React page and the server show. */
export interface PageScriptText {
  /** A message from the shared schema (worded in English, the key of the `errors` namespace). */
  error(message: string): string;
  summaryTitle: string;
  hiddenPrefix: string;
  /** The document title for `heading`, marked as in error or not. */
  documentTitle(heading: string, hasErrors: boolean): string;
  /** The heading a document title was made from, marked or not. */
  headingOf(title: string): string;
}

/** What `template` (with `{{title}}` left in it) wrapped around a title, taken off again; undefined if it is not there. */
function unwrap(text: string, template: string): string | undefined {
  const [before = '', after = ''] = template.split('{{title}}');
  if (text.length < before.length + after.length || !text.startsWith(before) || !text.endsWith(after)) return undefined;
  return text.slice(before.length, text.length - after.length);
}

async function load<T>(files: Record<string, () => Promise<T>>, language: string): Promise<T | undefined> {
  const path = fileOf(files, language);
  return path ? files[path]?.() : undefined;
}

/** The page script's text in `language` (English for a language without its own files). */
export async function pageScriptText(language: string): Promise<PageScriptText> {
  // Every language's files have every key (client/src/i18n/locales.test.ts), so one language's file is enough.
  const [common, errors] = await Promise.all([
    load(commonFiles, language).then((file) => file ?? load(commonFiles, 'en')),
    language === 'en' ? undefined : load(errorFiles, language),
  ]);
  if (!common) throw new Error('The common text is missing from the build');
  const text = { service: common.service, problem: common.problem };
  const titleOf = (heading: string) => fill(text.service.documentTitle, { title: heading, service: text.service.name });
  const translate = (message: string): string => errors?.[message] ?? message;
  return {
    error(message) {
      const row = personMessageTemplate(message);
      return row ? fill(translate(row.template), { number: String(row.number) }) : translate(message);
    },
    summaryTitle: text.problem.summaryTitle,
    hiddenPrefix: text.problem.hiddenPrefix,
    documentTitle: (heading, hasErrors) =>
      titleOf(hasErrors ? fill(text.service.errorTitle, { title: heading }) : heading),
    headingOf(title) {
      const bare = unwrap(title, fill(text.service.documentTitle, { service: text.service.name })) ?? title;
      return unwrap(bare, text.service.errorTitle) ?? bare;
    },
  };
}
