import { startTransition, useLayoutEffect, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { i18nFor } from './i18n/i18n.js';
import { loadLanguage } from './i18n/load-language.js';
import { loadPageView } from './page-views.js';
import { loadAssistedBanner } from './staff/load-assisted-banner.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/** Renders nothing of its own; tells when React has committed the page (its layout effects run last). */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useLayoutEffect(() => {
    onCommit();
  }, [onCommit]);
  return children;
}

/**
 * Hydrates the server's HTML of `model`'s page in `root`: React, the page's own chunk and its
 * language's text are fetched here, so a page that hydrates late (or never) downloads none of them
 * at load. Resolves once `hydrateRoot` has been called (from then on React handles every event on
 * the page, hydrating at once if one arrives first), with `committed`, settled once React owns the
 * page. `transition`: hydrate as a transition, which yields to the browser every few milliseconds
 * (Lighthouse's total blocking time) for a page hydrating at load; a page hydrating on an
 * interaction hydrates in one go, so nothing the resident does falls between its render and commit.
 */
export async function hydratePage(
  model: PageModel,
  root: HTMLElement,
  { transition }: { transition: boolean },
): Promise<{ committed: Promise<void> }> {
  // The first render in the browser must be the server's HTML, so the view and its text come first.
  const [view, AssistedBanner] = await Promise.all([
    loadPageView(model),
    loadAssistedBanner(model),
    loadLanguage(model.lang),
  ]);
  let onCommit: () => void = () => undefined;
  const committed = new Promise<void>((resolve) => {
    onCommit = resolve;
  });
  const hydrate = () => {
    hydrateRoot(
      root,
      <Committed onCommit={onCommit}>
        <I18nextProvider i18n={i18nFor(model.lang)}>
          <App model={model} view={view} AssistedBanner={AssistedBanner} />
        </I18nextProvider>
      </Committed>,
    );
  };
  if (transition) startTransition(hydrate);
  else hydrate();
  return { committed };
}
