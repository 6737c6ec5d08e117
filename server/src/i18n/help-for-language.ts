import type { HelpContact } from '@tuo/shared/pages/help-contact';
import type { Language } from '@tuo/shared/submission/languages';
import type { HelpSettings } from './help-settings.js';

/**
 * "Get help" in one language: each setting in that language where one is set (`HELP_HOURS_CY`),
 * else the English one, with the parts left in English named so the page can say so and keep an
 * English sentence out of its own text.
 */
export function helpForLanguage(settings: HelpSettings, language: Language): HelpContact {
  const english = settings.en;
  if (language === 'en') return english;
  const own = settings[language] ?? {};
  return {
    phone: own.phone ?? english.phone,
    hours: own.hours ?? english.hours,
    centre: own.centre ?? english.centre,
    inEnglish: (['hours', 'centre'] as const).filter((part) => own[part] === undefined),
  };
}
