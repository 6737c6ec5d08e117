import { z } from 'zod';
import { languages } from './languages.js';

export { isLanguage, languages, textDirection, type Language } from './languages.js';

/** How a submission was made: by the resident online, or by staff on their behalf (assisted digital). */
export const channels = ['online', 'assisted'] as const;

/** One of {@link channels}. */
export type Channel = (typeof channels)[number];

/** Validates a channel. Only a signed-in staff member may submit `'assisted'`; the server checks that. */
export const channelSchema = z.enum(channels);

/** Validates a language. */
export const languageSchema = z.enum(languages);
