// Without zod, so the browser's first page can know the languages without bringing a validator.

/**
 * Languages a resident can use the portal in: English, Welsh, Portuguese, Polish and Arabic. The
 * one they used is kept with their submission, so replies and messages can be in it too.
 */
export const languages = ['en', 'cy', 'pt', 'pl', 'ar'] as const;

/** One of {@link languages}. */
export type Language = (typeof languages)[number];

/** True when `value` is one of {@link languages}. */
export function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** Which way a language's text runs: Arabic right to left, the others left to right. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
