import type { PageName } from './page-views.js';

/**
 * When a page's server-rendered HTML becomes a React page in the browser:
 * - `at-load`: at once (the consoles, and pages whose script shows something at load);
 * - `never`: the server's HTML is all it needs: links and plain posts, or a question page, which a
 *   small script checks in the browser instead (`journeys/checks/`).
 * govuk-frontend's scripts (radios' reveals, the error summary's focus, buttons) run on every page
 * at load whatever its policy (`layout/govuk-components.ts`). A record over every page name, so a
 * new page must choose.
 */
export type HydrationPolicy = 'at-load' | 'never';

/** Each page's {@link HydrationPolicy}. */
export const hydrationPolicies: Readonly<Record<PageName, HydrationPolicy>> = {
  start: 'never',
  'not-found': 'never',
  error: 'never',
  unavailable: 'never',
  'session-expired': 'never',
  'choose-life-event': 'never',
  question: 'never',
  'check-answers': 'never',
  'who-to-tell': 'at-load',
  'which-council': 'at-load',
  declaration: 'at-load',
  confirmation: 'at-load',
  track: 'at-load',
  staff: 'at-load',
  agency: 'at-load',
  'save-form': 'at-load',
  'saved-form': 'at-load',
  'return-to-form': 'at-load',
  'saved-form-unavailable': 'at-load',
  performance: 'at-load',
};
