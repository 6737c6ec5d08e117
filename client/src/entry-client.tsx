import { startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { focusHeadingAfterNavigation } from './components/focus-heading.js';
import { startGovukComponents } from './layout/govuk-components.js';
import { i18nFor } from './i18n/i18n.js';
import { loadLanguage } from './i18n/load-language.js';
import { loadPageView } from './page-views.js';
import { loadAssistedBanner } from './staff/load-assisted-banner.js';
import type { PageModel } from '@tuo/shared/pages/page-model';
import './styles/main.scss';

// govuk-frontend styles some components differently once its JavaScript can run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

async function hydrate(): Promise<void> {
  const modelElement = document.getElementById('page-model');
  const root = document.getElementById('app');
  if (modelElement?.textContent && root) {
    const model = JSON.parse(modelElement.textContent) as PageModel;
    // The page is already readable from the server's HTML; hydrating waits for its own chunk (so the
    // first render in the browser is the server's HTML) and its language's text, fetched together.
    const [view, AssistedBanner] = await Promise.all([
      loadPageView(model),
      loadAssistedBanner(model),
      loadLanguage(model.lang),
    ]);
    // As a transition, hydration yields to the browser every few milliseconds instead of holding the
    // main thread for the whole page (Lighthouse's total blocking time); an event on the page before
    // it is done hydrates at once and is handled as usual.
    startTransition(() => {
      hydrateRoot(
        root,
        <I18nextProvider i18n={i18nFor(model.lang)}>
          <App model={model} view={view} AssistedBanner={AssistedBanner} />
        </I18nextProvider>,
      );
    });
  }
  void startGovukComponents();
  focusHeadingAfterNavigation();
}

void hydrate();
