import { BackLink } from './components/back-link.js';
import { PageLayout } from './layout/page-layout.js';
import { ReaderContext } from './i18n/reader.js';
import type { AssistedBannerComponent } from './staff/load-assisted-banner.js';
import type { PageView } from './page-views.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

/**
 * A page: the layout around its view (see `loadPageView`) and, when an adviser runs it, the
 * adviser banner (see `loadAssistedBanner`). Rendered on the server and hydrated in the browser.
 */
export function App({
  model,
  view,
  AssistedBanner,
}: {
  model: PageModel;
  view: PageView;
  AssistedBanner?: AssistedBannerComponent | undefined;
}) {
  const back = 'backHref' in model.props ? model.props.backHref : undefined;
  // The staff and agency consoles are in English; residents can switch language on every page.
  const signedInConsole = model.page === 'staff' || model.page === 'agency';
  // An adviser's page is in English; its links show and choose the resident's language.
  const current = model.assisted?.residentLanguage ?? model.lang;
  const language = signedInConsole ? undefined : { current, url: model.url ?? '/' };
  // An adviser running the resident pages for a resident sees the adviser banner and wording.
  const banner = model.assisted && AssistedBanner ? <AssistedBanner banner={model.assisted} /> : null;
  return (
    <ReaderContext.Provider value={model.assisted ? 'adviser' : 'resident'}>
      <PageLayout
        beforeContent={
          banner || back ? (
            <>
              {back ? <BackLink href={back} /> : null}
              {banner}
            </>
          ) : undefined
        }
        language={language}
        help={signedInConsole ? undefined : model.help}
        showApiLink={signedInConsole}
      >
        {view(model)}
      </PageLayout>
    </ReaderContext.Provider>
  );
}
