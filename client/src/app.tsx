import { PageLayout } from './layout/page-layout.js';
import { MessagePage } from './pages/message-page.js';
import { StartPage } from './pages/start-page.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/** Chooses the page component for a page model. Rendered on the server and hydrated in the browser. */
export function App({ model }: { model: PageModel }) {
  return <PageLayout>{renderPage(model)}</PageLayout>;
}

function renderPage(model: PageModel) {
  switch (model.page) {
    case 'start':
      return <StartPage />;
    case 'not-found':
      return <MessagePage heading="Page not found" body="If you typed the web address, check it is correct." />;
    case 'error':
      return <MessagePage heading="Sorry, there is a problem with the service" body="Try again later. Your answers have been saved." />;
  }
}
