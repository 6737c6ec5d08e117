import { BackLink } from './components/back-link.js';
import { CheckAnswersPage } from './journeys/pages/check-answers-page.js';
import { ChooseLifeEventPage } from './journeys/pages/choose-life-event-page.js';
import { ConfirmationPage } from './journeys/pages/confirmation-page.js';
import { DeclarationPage } from './journeys/pages/declaration-page.js';
import { QuestionPage } from './journeys/pages/question-page.js';
import { TrackPage } from './journeys/pages/track-page.js';
import { WhoToTellPage } from './journeys/pages/who-to-tell-page.js';
import { PageLayout } from './layout/page-layout.js';
import { MessagePage } from './pages/message-page.js';
import { StartPage } from './pages/start-page.js';
import { SaveReturnPage } from './save-return/save-return-pages.js';
import { StaffPage } from './staff/staff-page.js';
import { AgencyPage } from './agency/agency-page.js';
import { PerformancePage } from './performance/performance-page.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/** Chooses the page component for a page model. Rendered on the server and hydrated in the browser. */
export function App({ model }: { model: PageModel }) {
  const back = 'backHref' in model.props ? model.props.backHref : undefined;
  // Staff work in English; residents can switch language on every page.
  const language = model.page === 'staff' ? undefined : { current: model.lang, url: model.url ?? '/' };
  return (
    <PageLayout beforeContent={back ? <BackLink href={back} /> : undefined} language={language}>
      {renderPage(model)}
    </PageLayout>
  );
}

function renderPage(model: PageModel) {
  switch (model.page) {
    case 'start':
      return <StartPage />;
    case 'not-found':
    case 'error':
    case 'session-expired':
      return <MessagePage kind={model.page} />;
    case 'choose-life-event':
      return <ChooseLifeEventPage {...model.props} />;
    case 'question':
      // Keyed by page, so moving between pages in one browser session never reuses a form's state.
      return <QuestionPage key={`${model.props.lifeEvent}/${model.props.pageId}`} {...model.props} />;
    case 'check-answers':
      return <CheckAnswersPage {...model.props} />;
    case 'who-to-tell':
      return <WhoToTellPage {...model.props} />;
    case 'declaration':
      return <DeclarationPage {...model.props} />;
    case 'confirmation':
      return <ConfirmationPage {...model.props} />;
    case 'track':
      return <TrackPage {...model.props} />;
    case 'staff':
      return <StaffPage props={model.props} />;
    case 'agency':
      return <AgencyPage props={model.props} />;
    case 'save-form':
    case 'saved-form':
    case 'return-to-form':
    case 'saved-form-unavailable':
      return <SaveReturnPage model={model} />;
    case 'performance':
      return <PerformancePage {...model.props} />;
  }
}
