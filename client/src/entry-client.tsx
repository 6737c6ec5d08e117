import { initAll } from 'govuk-frontend';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.js';
import { focusHeadingAfterNavigation } from './components/focus-heading.js';
import { i18nFor } from './i18n/i18n.js';
import { loadLanguage } from './i18n/load-language.js';
import type { PageModel } from '@tuo/shared/pages/page-model';
import './styles/main.scss';

// govuk-frontend styles some components differently once its JavaScript can run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

const modelElement = document.getElementById('page-model');
const root = document.getElementById('app');
if (modelElement?.textContent && root) {
  const model = JSON.parse(modelElement.textContent) as PageModel;
  // The page is already readable from the server's HTML; hydrating waits only for its language's text.
  await loadLanguage(model.lang);
  hydrateRoot(
    root,
    <I18nextProvider i18n={i18nFor(model.lang)}>
      <App model={model} />
    </I18nextProvider>,
  );
}
initAll();
focusHeadingAfterNavigation();
