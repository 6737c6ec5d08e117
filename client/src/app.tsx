import { BackLink } from './components/back-link.js';
import { PageLayout } from './layout/page-layout.js';
import type { PageView } from './page-views.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/**
 * A page: the layout around the view of its kind (see `loadPageView`). Rendered on the server and
 * hydrated in the browser.
 */
export function App({ model, view }: { model: PageModel; view: PageView }) {
  const back = 'backHref' in model.props ? model.props.backHref : undefined;
  const staff = model.page === 'staff';
  return (
    <PageLayout beforeContent={back ? <BackLink href={back} /> : undefined} help={staff ? undefined : model.help} showApiLink={staff}>
      {view(model)}
    </PageLayout>
  );
}
