import { Button, Checkboxes, createAll, NotificationBanner, Radios, ServiceNavigation, SkipLink } from 'govuk-frontend';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { focusHeadingAfterNavigation } from './components/focus-heading.js';
import { i18nFor } from './i18n/i18n.js';
import { loadLanguage } from './i18n/load-language.js';
import { loadPageView } from './page-views.js';
import { loadAssistedBanner } from './staff/load-assisted-banner.js';
import type { PageModel } from '@tuo/shared/pages/page-model';
import './styles/main.scss';

// govuk-frontend styles some components differently once its JavaScript can run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

/** Only the govuk-frontend components our pages use (`initAll` would bring every one). */
function startGovukComponents(): void {
  for (const component of [Button, Checkboxes, NotificationBanner, Radios, ServiceNavigation, SkipLink])
    createAll(component);
}

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
    hydrateRoot(
      root,
      <I18nextProvider i18n={i18nFor(model.lang)}>
        <App model={model} view={view} AssistedBanner={AssistedBanner} />
      </I18nextProvider>,
    );
  }
  startGovukComponents();
  focusHeadingAfterNavigation();
}

void hydrate();
