// The server's entry (SSR bundle): @fastify/vite loads the built copy of this file.
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { documentTitle, hasServerErrors } from './i18n/document-title.js';
import { pageHeading } from './i18n/page-heading.js';
import { addEveryLanguage } from './i18n/every-language.js';
import { i18nFor } from './i18n/i18n.js';
import { loadPageView } from './page-views.js';
import { loadAssistedBanner } from './staff/load-assisted-banner.js';
import type { PageModel, RenderedPage } from '@tuo/shared/pages/page-model';

// The server renders pages in any language, so it holds them all.
addEveryLanguage();

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Renders a page model to the pieces the server puts into index.html, in the model's language. */
export async function render(model: PageModel): Promise<RenderedPage> {
  const i18n = i18nFor(model.lang);
  const [view, AssistedBanner] = await Promise.all([loadPageView(model), loadAssistedBanner(model)]);
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <App model={model} view={view} AssistedBanner={AssistedBanner} />
    </I18nextProvider>,
  );
  // JSON in a non-executable script block: allowed by a CSP with no inline script.
  const json = JSON.stringify(model).replaceAll('<', '\\u003c');
  return {
    head: `<title>${escapeHtml(documentTitle(i18n.t, pageHeading(i18n.t, model), hasServerErrors(model)))}</title>`,
    html,
    data: `<script type="application/json" id="page-model">${json}</script>`,
    lang: i18n.language,
    dir: i18n.dir(),
  };
}
