// The server's entry (SSR bundle): @fastify/vite loads the built copy of this file.
import { renderToString } from 'react-dom/server';
import { App } from './app.js';
import { serviceName } from './layout/page-layout.js';
import type { PageModel, RenderedPage } from '@tuo/shared/pages/page-model';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Renders a page model to the pieces the server puts into index.html. */
export function render(model: PageModel): RenderedPage {
  const html = renderToString(<App model={model} />);
  // JSON in a non-executable script block: allowed by a CSP with no inline script.
  const json = JSON.stringify(model).replaceAll('<', '\\u003c');
  return {
    head: `<title>${escapeHtml(`${model.title} – ${serviceName}`)}</title>`,
    html,
    data: `<script type="application/json" id="page-model">${json}</script>`,
    lang: model.lang,
    dir: model.dir,
  };
}
