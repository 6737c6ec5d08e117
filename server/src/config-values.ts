import { z } from 'zod';
import { isAllowedWebhookUrl } from './agency/webhook-url.js';
import type { ProtectedDataKey } from './privacy/keyring.js';

// The shapes of single settings that several areas of config.ts share, each with the words a
// council's operator reads when a value is wrong.

export const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int({ error: 'must be a whole number from 1 to 65535' })
  .min(1, { error: 'must be a whole number from 1 to 65535' })
  .max(65535, { error: 'must be a whole number from 1 to 65535' });

export const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be a whole number (${what})` })
    .int({ error: `must be a whole number (${what})` })
    .positive({ error: `must be a whole number above 0 (${what})` });

export const url = z.url({ error: 'must be a full URL, like https://example.org' });

export const webhookUrl = url.refine(isAllowedWebhookUrl, {
  error: 'must start https:// (plain http:// only to this machine: localhost, 127.0.0.1 or [::1])',
});

export const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/, { error: 'must be a Standard Webhooks secret: whsec_ followed by base64' });

// `id:base64` pairs, comma-separated, the current key first (see privacy/keyring.ts).
export const protectedDataKeys = z.string().transform((text, ctx): ProtectedDataKey[] => {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [id = '', secret = ''] = entry.split(':');
      return { id, secret: Buffer.from(secret, 'base64') };
    });
  const wellFormed =
    keys.length > 0 && keys.every((key) => /^[A-Za-z0-9_-]{1,32}$/.test(key.id) && key.secret.length === 32);
  if (!wellFormed || new Set(keys.map((key) => key.id)).size !== keys.length) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be key-id:base64-of-32-random-bytes pairs, comma-separated, each id different, the current key first (openssl rand -base64 32)',
    });
    return z.NEVER;
  }
  return keys;
});

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace or silent',
});
