import { startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { i18nFor } from './i18n/i18n.js';
import { loadLanguage } from './i18n/load-language.js';
import { loadPageView } from './page-views.js';
import { loadAssistedBanner } from './staff/load-assisted-banner.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/**
 * Hydrates the server's HTML of `model`'s page in `root`: React, the page's own chunk and its
 * language's text are fetched here, so a page that never hydrates downloads none of them. It
 * hydrates as a transition, which yields to the browser every few milliseconds (Lighthouse's total
 * blocking time).
 */
export async function hydratePage(model: PageModel, root: HTMLElement): Promise<void> {
  // The first render in the browser must be the server's HTML, so the view and its text come first.
  const [view, AssistedBanner] = await Promise.all([
    loadPageView(model),
    loadAssistedBanner(model),
    loadLanguage(model.lang),
  ]);
  startTransition(() => {
    hydrateRoot(
      root,
      <I18nextProvider i18n={i18nFor(model.lang)}>
        <App model={model} view={view} AssistedBanner={AssistedBanner} />
      </I18nextProvider>,
    );
  });
}
