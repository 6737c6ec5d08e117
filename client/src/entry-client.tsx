// The browser's entry: small on purpose. It starts govuk-frontend's scripts and moves focus as the
// page needs at load, then hydrates the page when its policy says (`hydration-policies.ts`);
// React and everything it renders come with `hydrate-page.tsx`, fetched only then. A question page
// never needs React: a small script checks it (`journeys/checks/`).
import { focusHeadingAfterNavigation } from './components/focus-heading.js';
import { checkOnInteraction } from './journeys/checks/check-on-interaction.js';
import { hydrationPolicies } from './hydration-policies.js';
import { startGovukComponents } from './layout/govuk-components.js';
import type { PageModel } from '@tuo/shared/pages/page-model';
import './styles/main.scss';

// govuk-frontend styles some components differently once its JavaScript can run.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

void startGovukComponents();
focusHeadingAfterNavigation();

const modelElement = document.getElementById('page-model');
const root = document.getElementById('app');
if (modelElement?.textContent && root) {
  const model = JSON.parse(modelElement.textContent) as PageModel;
  if (model.page === 'question')
    checkOnInteraction(root, { props: model.props, lang: model.lang, adviser: model.assisted !== undefined });
  else if (hydrationPolicies[model.page] === 'at-load')
    void import('./hydrate-page.js').then(({ hydratePage }) => hydratePage(model, root));
}
