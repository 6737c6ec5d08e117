import type { ComponentClass } from 'govuk-frontend';

/**
 * The govuk-frontend components our pages use, by `data-module`. Each is its own chunk, fetched only
 * by a page that has one: `initAll` would bring every component, and a question page of text boxes
 * has no radios to reveal. Service navigation is left out: its script only works a menu button for
 * navigation items, and our service navigation has none.
 */
const components: Readonly<Record<string, () => Promise<ComponentClass>>> = {
  'govuk-button': () =>
    import('govuk-frontend/dist/govuk/components/button/button.mjs').then((module) => module.Button),
  'govuk-character-count': () =>
    import('govuk-frontend/dist/govuk/components/character-count/character-count.mjs').then(
      (module) => module.CharacterCount,
    ),
  'govuk-checkboxes': () =>
    import('govuk-frontend/dist/govuk/components/checkboxes/checkboxes.mjs').then((module) => module.Checkboxes),
  'govuk-error-summary': () =>
    import('govuk-frontend/dist/govuk/components/error-summary/error-summary.mjs').then(
      (module) => module.ErrorSummary,
    ),
  'govuk-notification-banner': () =>
    import('govuk-frontend/dist/govuk/components/notification-banner/notification-banner.mjs').then(
      (module) => module.NotificationBanner,
    ),
  'govuk-radios': () =>
    import('govuk-frontend/dist/govuk/components/radios/radios.mjs').then((module) => module.Radios),
  'govuk-skip-link': () =>
    import('govuk-frontend/dist/govuk/components/skip-link/skip-link.mjs').then((module) => module.SkipLink),
};

/**
 * govuk-frontend's `createAll`, which lives in a module that imports every component: one instance
 * per element of the component's `data-module`, a failing one reported (as an uncaught error) and the others started.
 */
function createAll(Component: ComponentClass): void {
  for (const root of document.querySelectorAll(`[data-module="${Component.moduleName}"]`)) {
    try {
      new Component(root);
    } catch (error) {
      reportError(error);
    }
  }
}

/** Starts each govuk-frontend component the page has. */
export async function startGovukComponents(): Promise<void> {
  const present = Object.entries(components).filter(([name]) => document.querySelector(`[data-module="${name}"]`));
  for (const component of await Promise.all(present.map(([, load]) => load()))) createAll(component);
}
