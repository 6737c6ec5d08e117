import { languages, textDirection, type Language } from '@tuo/shared/submission/languages';

/** One language a resident can choose, as the language switch shows it. */
export interface LanguageOption {
  code: Language;
  /** The language's name in itself ("Cymraeg"), so a reader finds their own language without reading the current one. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Translated, but not yet checked by the council: every page in it says so. */
  awaitingReview: boolean;
}

const ownNames: Readonly<Record<Language, string>> = {
  en: 'English',
  cy: 'Cymraeg',
  pt: 'Português',
  pl: 'Polski',
  ar: 'العربية',
};

// Welsh is the one a council must publish to the Welsh language standards; the others wait for a
// council's translators. Remove a language from here once its text has been reviewed.
const awaitingReview: readonly Language[] = ['pt', 'pl', 'ar'];

/** Every language, in the order the switch lists them. */
export const languageOptions: readonly LanguageOption[] = languages.map((code) => ({
  code,
  name: ownNames[code],
  dir: textDirection(code),
  awaitingReview: awaitingReview.includes(code),
}));

/** The option for a language. */
export function languageOption(language: string): LanguageOption | undefined {
  return languageOptions.find((option) => option.code === language);
}
