import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { catalogue, consentOptions, exampleSubmissions } from '@tuo/shared';
import { App } from '../app.js';
import { loadPageView } from '../page-views.js';
import { i18nFor, sourceLanguage } from './i18n.js';
import type { PageModel } from '@tuo/shared/pages/page-model';

async function html(model: Omit<PageModel, 'lang' | 'dir'>): Promise<string> {
  const page = { ...model, lang: sourceLanguage, dir: 'ltr' } as PageModel;
  return renderToString(
    <I18nextProvider i18n={i18nFor(sourceLanguage)}>
      <App model={page} view={await loadPageView(page)} />
    </I18nextProvider>,
  );
}

describe('agency names', () => {
  const form = { action: '/x', csrfToken: 'token', values: {}, errors: [] };

  it('never speak to the person who died as "your": their GP, their landlord, their council', async () => {
    const { answers } = exampleSubmissions['someone-died'];
    const options = consentOptions(catalogue['someone-died'], answers).map((option) => ({ ...option, fields: [] }));
    const agencies = options.map((option) => option.agency);
    const pages = await Promise.all([
      html({
        page: 'who-to-tell',
        props: {
          lifeEvent: 'someone-died',
          options,
          backHref: '/back',
          form: { ...form, values: { consent: agencies } },
        },
      }),
      html({ page: 'declaration', props: { lifeEvent: 'someone-died', agencies, backHref: '/back', form } }),
      html({
        page: 'confirmation',
        props: {
          lifeEvent: 'someone-died',
          reference: 'TUO-7K3M-9Q2M',
          trackingSecret: null,
          agencies,
          confirm: null,
          awaitingCheck: [],
          messagedBy: [],
          alsoDoDone: [],
        },
      }),
    ]);
    for (const page of pages) {
      expect(page).toContain('Their GP and the NHS');
      expect(page).not.toMatch(/Your (GP|local council|housing association)/i);
    }
    expect(pages[0]).toContain('What their GP and the NHS will be sent');
  });

  it('keep their general names elsewhere ("Your GP and the NHS" when a baby is born)', async () => {
    const page = await html({
      page: 'declaration',
      props: { lifeEvent: 'baby-born', agencies: ['gp-practice'], backHref: '/back', form },
    });
    expect(page).toContain('Your GP and the NHS');
  });
});
