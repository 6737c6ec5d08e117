import { z } from 'zod';

/** How a submission was made: by the resident online, or by staff on their behalf (assisted digital). */
export const channels = ['online', 'assisted'] as const;

/** One of {@link channels}. */
export type Channel = (typeof channels)[number];

/** Validates a channel. Only a signed-in staff member may submit `'assisted'`; the server checks that. */
export const channelSchema = z.enum(channels);

/**
 * Languages a resident can use the portal in: English, Welsh, Portuguese, Polish and Arabic. The
 * one they used is kept with their submission, so replies and messages can be in it too.
 */
export const languages = ['en', 'cy', 'pt', 'pl', 'ar'] as const;

/** One of {@link languages}. */
export type Language = (typeof languages)[number];

/** Validates a language. */
export const languageSchema = z.enum(languages);

/** True when `value` is one of {@link languages}. */
export function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** Which way a language's text runs: Arabic right to left, the others left to right. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
