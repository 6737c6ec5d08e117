import { personMessageTemplate } from '@tuo/shared/journeys/engine/people-field';
import { commonText, fill, languageFile } from './common-text.js';

// English `errors.json` maps each message to itself, so English needs none.
const errorFiles = import.meta.glob<Readonly<Record<string, string>>>(
  ['../../i18n/locales/*/errors.json', '!../../i18n/locales/en/errors.json'],
  { import: 'default' },
);

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

/** The page script's text in `language` (English for a language without its own files). */
export async function pageScriptText(language: string): Promise<PageScriptText> {
  const [common, errors] = await Promise.all([
    commonText(language),
    language === 'en' ? undefined : languageFile(errorFiles, language),
  ]);
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
