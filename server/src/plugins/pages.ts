import path from 'node:path';
import { createRequire } from 'node:module';
import { constants } from 'node:zlib';
import FastifyCompress from '@fastify/compress';
import FastifyStatic from '@fastify/static';
import FastifyVite from '@fastify/vite';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLifeEventId, textDirection } from '@tuo/shared';
import type { PageModel, RenderedPage } from '@tuo/shared/pages/page-model';
import type { HelpSettings } from '../i18n/help-settings.js';
import { helpForLanguage } from '../i18n/help-for-language.js';
import { assistedBannerFor } from '../staff/assisted-banner.js';
import { projectRoot } from '../project-root.js';

const require = createRequire(import.meta.url);

/** The client workspace, where vite.config.ts and the built bundles live. */
export const clientRoot = path.join(projectRoot, 'client');

/** What a route gives to render a page; language and direction default to the resident's (English for staff pages). */
// Distributes over the PageModel union, so each page keeps its own props type.
export type PageInput = PageModel extends infer Model
  ? Model extends PageModel
    ? Omit<Model, 'lang' | 'dir'> & Partial<Pick<Model, 'lang' | 'dir'>>
    : never
  : never;

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page on the server with the client's React components and sends it as HTML. */
    page(this: FastifyReply, model: PageInput): Promise<FastifyReply>;
  }
}

interface ClientModule {
  render: (model: PageModel) => Promise<RenderedPage>;
}

// Replacer functions, not strings: a string replacement would read `$&`, `$'` and friends in a
// resident's answer as patterns and garble the page.
function fillTemplate(source: string, rendered: RenderedPage): string {
  return source
    .replace('<html lang="en"', `<html lang="${rendered.lang}" dir="${rendered.dir}"`)
    .replace('<!--app-head-->', () => rendered.head)
    .replace('<!--app-html-->', () => rendered.html)
    .replace('<!--app-data-->', () => rendered.data);
}

/**
 * The page's own address, for the language links to come back to, without what must never be
 * written into a page: a tracking code or a one-time return token given in the link.
 */
export function addressForLanguageLinks(requestUrl: string): string {
  const parsed = new URL(requestUrl, 'http://portal.invalid');
  for (const name of ['secret', 'token']) parsed.searchParams.delete(name);
  return `${parsed.pathname}${parsed.search}`;
}

// The pages of a resident journey, where an adviser acting for a resident sees the adviser banner;
// an error page says nothing more than it must.
function shownToAdvisers(input: PageInput): boolean {
  return !['error', 'unavailable', 'not-found', 'session-expired'].includes(input.page);
}

async function bannerOf(request: FastifyRequest, input: PageInput) {
  const lifeEvent = 'lifeEvent' in input.props ? input.props.lifeEvent : undefined;
  return assistedBannerFor(request, lifeEvent && isLifeEventId(lifeEvent) ? lifeEvent : undefined);
}

/**
 * Server rendering through @fastify/vite: in production it loads the SSR bundle built from
 * client/src/index.tsx and serves the browser bundle; with `dev` it runs Vite's dev server.
 */
export const pagesPlugin = fp(
  async (app: FastifyInstance, options: { dev: boolean; help: HelpSettings }) => {
    let render: ClientModule['render'] | undefined;
    // Pages only (the API's JSON stays as it is): a fast Brotli level, as each page is made per request.
    await app.register(FastifyCompress, {
      global: false,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    });
    await app.register(FastifyVite, {
      root: clientRoot,
      dev: options.dev,
      // Hashed names, so cached for good; the build wrote .br and .gz copies of each (see client/build).
      fastifyStaticOptions: { maxAge: '365d', immutable: true, preCompressed: true },
      renderer: {
        prepareClient: (entries) => {
          const client = entries.ssr as unknown as ClientModule | undefined;
          render = client?.render;
          return Promise.resolve(entries.ssr ?? null);
        },
        createHtmlFunction: (source: string) =>
          function (this: FastifyReply, rendered?: Record<string, unknown>) {
            const html = fillTemplate(source, rendered as unknown as RenderedPage);
            // @fastify/compress equips only routes registered after it: the not-found and error
            // pages (from handlers set up earlier) go uncompressed rather than fail.
            const reply = this.type('text/html; charset=utf-8');
            if ((reply.compress as FastifyReply['compress'] | null) === null) void reply.send(html);
            else reply.compress(html);
            return this;
          },
      },
    });
    app.decorateReply('page', async function (this: FastifyReply, input: PageInput) {
      if (!render) throw new Error('The page renderer is not ready: call app.vite.ready() first.');
      // Staff and agency people work in English, with no language links (and so no address in the
      // page: a console's query can hold a search for a person); residents see their language.
      const signedInConsole = input.page === 'staff' || input.page === 'agency';
      const assisted = signedInConsole || !shownToAdvisers(input) ? undefined : await bannerOf(this.request, input);
      // An adviser runs a resident's pages in English, as the console is: the resident's language
      // (which the language links still choose) is noted in the banner and kept for their report.
      const lang = signedInConsole || assisted ? 'en' : this.request.language;
      const url = signedInConsole ? undefined : addressForLanguageLinks(this.request.url);
      const model: PageModel = {
        lang,
        dir: textDirection(lang),
        ...(url ? { url } : {}),
        ...(assisted ? { assisted } : {}),
        help: helpForLanguage(options.help, lang),
        ...input,
      };
      void this.header('vary', 'Accept-Language');
      await this.html((await render(model)) as unknown as Record<string, unknown>);
      return this;
    });
    await app.vite.ready();
    // govuk-frontend's images (favicon, icons), which its CSS and our layout refer to.
    await app.register(async (scope) => {
      await scope.register(FastifyStatic, {
        root: path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/assets'),
        prefix: '/assets/govuk/',
        decorateReply: false,
        maxAge: '1d',
      });
    });
  },
  { name: 'pages', dependencies: ['language', 'submission-origin'] },
);
