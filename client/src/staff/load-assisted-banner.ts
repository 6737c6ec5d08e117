import type { ComponentType } from 'react';
import type { AssistedBanner } from '@tuo/shared/pages/assisted-banner';
import type { PageModel } from '@tuo/shared/pages/page-model';

/** The adviser banner's component (`assisted-banner.tsx`). */
export type AssistedBannerComponent = ComponentType<{ banner: AssistedBanner }>;

/**
 * The adviser banner, for a page an adviser runs for a resident, and nothing otherwise. Its own
 * chunk: it reads the console's text, which no resident's page should download.
 */
export async function loadAssistedBanner(model: PageModel): Promise<AssistedBannerComponent | undefined> {
  if (!model.assisted) return undefined;
  const { AssistedBannerView } = await import('./assisted-banner.js');
  return AssistedBannerView;
}
