import { isLanguage, type Language } from '@tuo/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { preferredLanguage } from '../i18n/accept-language.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language to show this resident: their choice from the language links, else their browser's, else English. */
    language: Language;
  }
}

/** Options for the language choice. */
export interface LanguageOptions {
  /** The address residents use: an https address makes the cookie Secure (and __Host- prefixed). */
  publicUrl: string;
}

/** The language cookie's name: the __Host- prefix pins it to this host, which browsers allow only when Secure. */
export function languageCookieName(publicUrl: string): string {
  return publicUrl.startsWith('https:') ? '__Host-tuo-lang' : 'tuo-lang';
}

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, value] = pair.trim().split('=', 2);
    if (key === name) return value;
  }
  return undefined;
}

/** Where to send the reader after choosing: the same page without `lang`, on this site only. */
function withoutLang(url: string): string {
  const parsed = new URL(url, 'http://portal.invalid');
  parsed.searchParams.delete('lang');
  // "//host" would be read by a browser as another site.
  return `${parsed.pathname.replace(/^\/+/, '/')}${parsed.search}`;
}

// The API, built assets and health checks have no language.
const noLanguage = /^\/(?:api|static|assets|healthz|readyz)(?:\/|$|\?)/;

/**
 * The resident's language. `?lang=cy` on any page keeps the choice in a cookie and sends the
 * reader back to the same page, so the switch is a plain link that works without JavaScript.
 * The cookie holds only the language and lasts as long as the browser session, like the
 * answers (which stay in the resident session, untouched). Without a choice, the browser's
 * Accept-Language picks, so someone whose browser asks for Welsh sees Welsh from the first page.
 */
export const languagePlugin = fp(
  async (app: FastifyInstance, options: LanguageOptions) => {
    const name = languageCookieName(options.publicUrl);
    const secure = options.publicUrl.startsWith('https:') ? '; Secure' : '';
    app.decorateRequest('language', 'en');
    app.addHook('onRequest', async (request, reply) => {
      const chosen = cookieValue(request, name);
      request.language = isLanguage(chosen) ? chosen : (preferredLanguage(request.headers['accept-language']) ?? 'en');
      if ((request.method !== 'GET' && request.method !== 'HEAD') || noLanguage.test(request.url)) return;
      const asked = (request.query as Record<string, unknown> | undefined)?.lang;
      if (asked === undefined) return;
      if (isLanguage(asked))
        void reply.header('set-cookie', `${name}=${asked}; Path=/; HttpOnly; SameSite=Lax${secure}`);
      return reply.header('cache-control', 'no-store').redirect(withoutLang(request.url), 303);
    });
  },
  { name: 'language' },
);
