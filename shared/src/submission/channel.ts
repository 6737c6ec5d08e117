import { z } from 'zod';

/** How a submission was made: by the resident online, or by staff on their behalf (assisted digital). */
export const channels = ['online', 'assisted'] as const;

/** One of {@link channels}. */
export type Channel = (typeof channels)[number];

/** Validates a channel. Only a signed-in staff member may submit `'assisted'`; the server checks that. */
export const channelSchema = z.enum(channels);

/** Languages an agency may be asked to reply in (English, Welsh). */
export const languages = ['en', 'cy'] as const;

/** One of {@link languages}. */
export type Language = (typeof languages)[number];

/** Validates a reply language. */
export const languageSchema = z.enum(languages);
