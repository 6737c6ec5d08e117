import type { ReactNode } from 'react';
import type { PageModel } from '@tuo/shared/pages/page-model';

/**
 * Which page a page model is (`start`, `question`, `staff`, ...). Not to be confused with a journey
 * page's `kind` (`form`, ...), which picks how a `question` page asks: see `journeys/page-kinds/`.
 */
export type PageName = PageModel['page'];

/** The page model of one page name (some union members serve several pages, so not just `Extract`). */
export type ModelOf<Name extends PageName> = PageModel extends infer Model
  ? Model extends { page: infer Served }
    ? Name extends Served
      ? Model & { page: Name }
      : never
    : never
  : never;

/** Renders the body of one page (inside the layout) from its model. */
export type PageView<Model extends PageModel = PageModel> = (model: Model) => ReactNode;

/**
 * Where each page's component lives. Each is its own chunk, so a browser downloads only the
 * page it shows: the start page carries no form validation, and no resident page carries the
 * staff console. A record over every page name, so a new page without a view is a compile error.
 */
const loaders: { [Name in PageName]: () => Promise<PageView<ModelOf<Name>>> } = {
  start: () => import('./pages/start-page.js').then(({ StartPage }) => () => <StartPage />),
  'not-found': () =>
    import('./pages/message-page.js').then(({ MessagePage }) => (model) => <MessagePage kind={model.page} />),
  error: () =>
    import('./pages/message-page.js').then(({ MessagePage }) => (model) => <MessagePage kind={model.page} />),
  unavailable: () =>
    import('./pages/message-page.js').then(({ MessagePage }) => (model) => <MessagePage kind={model.page} />),
  'session-expired': () =>
    import('./pages/message-page.js').then(({ MessagePage }) => (model) => <MessagePage kind={model.page} />),
  'choose-life-event': () =>
    import('./journeys/pages/choose-life-event-page.js').then(({ ChooseLifeEventPage }) => (model) => (
      <ChooseLifeEventPage {...model.props} />
    )),
  // Rendered by the server only: a question page never hydrates (`hydration-policies.ts`).
  question: () =>
    import('./journeys/pages/question-page.js').then(({ QuestionPage }) => (model) => (
      <QuestionPage {...model.props} />
    )),
  'check-answers': () =>
    import('./journeys/pages/check-answers-page.js').then(({ CheckAnswersPage }) => (model) => (
      <CheckAnswersPage {...model.props} />
    )),
  'who-to-tell': () =>
    import('./journeys/pages/who-to-tell-page.js').then(({ WhoToTellPage }) => (model) => (
      <WhoToTellPage {...model.props} />
    )),
  'which-council': () =>
    import('./journeys/pages/which-council-page.js').then(({ WhichCouncilPage }) => (model) => (
      <WhichCouncilPage {...model.props} />
    )),
  declaration: () =>
    import('./journeys/pages/declaration-page.js').then(({ DeclarationPage }) => (model) => (
      <DeclarationPage {...model.props} />
    )),
  confirmation: () =>
    import('./journeys/pages/confirmation-page.js').then(({ ConfirmationPage }) => (model) => (
      <ConfirmationPage {...model.props} help={model.help} />
    )),
  track: () =>
    import('./journeys/pages/track-page.js').then(({ TrackPage }) => (model) => (
      <TrackPage {...model.props} help={model.help} />
    )),
  staff: () => import('./staff/staff-page.js').then(({ StaffPage }) => (model) => <StaffPage props={model.props} />),
  agency: () =>
    import('./agency/agency-page.js').then(({ AgencyPage }) => (model) => <AgencyPage props={model.props} />),
  'save-form': () =>
    import('./save-return/save-return-pages.js').then(({ SaveReturnPage }) => (model) => (
      <SaveReturnPage model={model} />
    )),
  'saved-form': () =>
    import('./save-return/save-return-pages.js').then(({ SaveReturnPage }) => (model) => (
      <SaveReturnPage model={model} />
    )),
  'return-to-form': () =>
    import('./save-return/save-return-pages.js').then(({ SaveReturnPage }) => (model) => (
      <SaveReturnPage model={model} />
    )),
  'saved-form-unavailable': () =>
    import('./save-return/save-return-pages.js').then(({ SaveReturnPage }) => (model) => (
      <SaveReturnPage model={model} />
    )),
  performance: () =>
    import('./performance/performance-page.js').then(({ PerformancePage }) => (model) => (
      <PerformancePage {...model.props} />
    )),
};

/**
 * Loads the view of a model's page. The browser awaits it before hydrating (so the first
 * render matches the server's HTML); the server awaits the same, from chunks already on disk.
 */
export async function loadPageView<Model extends PageModel>(model: Model): Promise<PageView<Model>> {
  const load = loaders[model.page] as () => Promise<PageView<Model>>;
  return load();
}
