import type { HelpContact } from '@tuo/shared/pages/help-contact';
import type { Language } from '@tuo/shared/submission/languages';
import { z } from 'zod';

/** "Get help" settings: English always, and any part set in another language (`HELP_HOURS_CY`). */
export type HelpSettings = { en: HelpContact } & Partial<Record<Exclude<Language, 'en'>, Partial<HelpContact>>>;

/** The optional per-language help settings for one language suffix (`CY`). */
function helpInLanguage<const Suffix extends string>(suffix: Suffix) {
  return {
    [`HELP_PHONE_${suffix}`]: z.string().min(1).max(40).optional(),
    [`HELP_HOURS_${suffix}`]: z.string().min(1).max(120).optional(),
    [`HELP_CENTRE_${suffix}`]: z.string().min(1).max(200).optional(),
  } as Record<`HELP_${'PHONE' | 'HOURS' | 'CENTRE'}_${Suffix}`, z.ZodOptional<z.ZodString>>;
}

/**
 * The environment variables of "Get help" on every resident page. The defaults are samples (an
 * Ofcom drama number): set your own. The same in another language (HELP_CENTRE_CY); unset, the
 * English one is shown and labelled so.
 */
export const helpEnvShape = {
  HELP_PHONE: z.string().min(1).max(40).default('01632 960 001'),
  HELP_HOURS: z.string().min(1).max(120).default('Monday to Friday, 9am to 5pm'),
  HELP_CENTRE: z.string().min(1).max(200).default('the Customer Centre, Town Hall, High Street'),
  ...helpInLanguage('CY'),
  ...helpInLanguage('PT'),
  ...helpInLanguage('PL'),
  ...helpInLanguage('AR'),
};

type HelpEnv = z.infer<z.ZodObject<typeof helpEnvShape>>;

/** The help settings from the parsed environment: English, and each other language's parts that are set. */
export function helpSettingsOf(env: HelpEnv): HelpSettings {
  return {
    en: { phone: env.HELP_PHONE, hours: env.HELP_HOURS, centre: env.HELP_CENTRE },
    ...Object.fromEntries(
      (['cy', 'pt', 'pl', 'ar'] as const).map((language) => {
        const suffix = language.toUpperCase() as Uppercase<typeof language>;
        const given = {
          phone: env[`HELP_PHONE_${suffix}`],
          hours: env[`HELP_HOURS_${suffix}`],
          centre: env[`HELP_CENTRE_${suffix}`],
        };
        return [language, Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined))];
      }),
    ),
  };
}
