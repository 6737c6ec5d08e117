import { NotifyClient } from 'notifications-node-client';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { AccountLinkPurpose } from './account-links.js';

/** GOV.UK Notify for the one-time links, when the install has it and the template. */
export interface AccountLinkNotify {
  apiKey: string;
  baseUrl: string;
  templateId: string;
}

/** Notify for the links, when the install has both a Notify key and `NOTIFY_ACCOUNT_LINK_TEMPLATE_ID`. */
export function accountLinkNotifyOf(config: Pick<Config, 'notify' | 'accounts'>): AccountLinkNotify | undefined {
  const templateId = config.accounts.linkTemplateId;
  return config.notify && templateId
    ? { apiKey: config.notify.apiKey, baseUrl: config.notify.baseUrl, templateId }
    : undefined;
}

/** What a one-time link came to: emailed to its person, or to be shown once to the administrator. */
export type LinkDelivery = { emailed: true } | { emailed: false };

const purposeWords: Record<AccountLinkPurpose, string> = {
  invite: 'set up your account',
  reset: 'set a new password',
};

/**
 * Emails a one-time link to its person through GOV.UK Notify, at once (the link exists nowhere
 * else, so it is never queued or stored). The template's personalisation: `console` (the staff
 * console or the agency portal), `purpose` (what the link is for, in words), `link` and
 * `expires`. When Notify is not set up, or refuses, or cannot be reached, the administrator is
 * shown the link instead; only Notify's status is logged, never the link or address.
 */
export async function emailAccountLink(
  notify: AccountLinkNotify | undefined,
  log: FastifyBaseLogger,
  message: { email: string; purpose: AccountLinkPurpose; link: string; expiresAt: Date; console: string },
): Promise<LinkDelivery> {
  if (!notify) return { emailed: false };
  const client = new NotifyClient(notify.baseUrl, notify.apiKey);
  try {
    await client.sendEmail(notify.templateId, message.email, {
      personalisation: {
        console: message.console,
        purpose: purposeWords[message.purpose],
        link: message.link,
        expires: message.expiresAt.toLocaleString('en-GB', {
          timeZone: 'Europe/London',
          dateStyle: 'long',
          timeStyle: 'short',
        }),
      },
    });
    return { emailed: true };
  } catch (failure) {
    const status = (failure as { response?: { status?: number } }).response?.status;
    log.warn({ status }, 'GOV.UK Notify did not take the account link: shown to the administrator instead');
    return { emailed: false };
  }
}
