import type { i18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { agencyIds, answerSummary, catalogue, consentOptions, deliveryStatuses, exampleSubmissions, lifeEventIds, pageSchema, toFieldErrors, type LifeEventId } from '@tuo/shared';
import { answersToFormValues } from '@tuo/shared/pages/form-values';
import { pageContext } from '@tuo/shared/pages/page-context';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FormProps, PageModel } from '@tuo/shared/pages/page-model';
import { App } from '../app.js';
import { loadPageView } from '../page-views.js';
import type { ResourceTree } from './catalogue-resources.js';
import { documentTitle, hasServerErrors, pageHeading } from './document-title.js';
import { createI18n, resources, sourceLanguage } from './i18n.js';

const today = '2026-06-15';
const form = (errors: FormProps['errors'] = [], values: FormProps['values'] = {}): FormProps => ({ action: '/x', csrfToken: 'token', values, errors });
const model = (page: Omit<PageModel, 'lang' | 'dir' | 'title'>): PageModel => ({ ...page, title: 'English title', lang: sourceLanguage, dir: 'ltr' }) as PageModel;

/** Every question page of a journey, blank and with the errors an empty post gives. */
function questionPages(lifeEvent: LifeEventId): PageModel[] {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  return journey.pages.flatMap((page) => {
    const answersSoFar = pageContext(journey, page.id, answers);
    const result = pageSchema(journey, page.id, answersSoFar, { today }).safeParse({});
    const errors = result.success ? [] : toFieldErrors(result.error.issues);
    const props = { lifeEvent, pageId: page.id, answersSoFar, today, backHref: '/back' };
    return [
      model({ page: 'question', props: { ...props, form: form([], answersToFormValues(page.fields, answers)) } }),
      model({ page: 'question', props: { ...props, form: form(errors) } }),
    ];
  });
}

/** The steps after the questions, for one journey answered as in its example submission. */
function closingPages(lifeEvent: LifeEventId): PageModel[] {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  const options = consentOptions(journey, answers).map((option) => ({ ...option, fields: (journey.routing[option.agency]?.fields ?? []).filter((name) => Object.hasOwn(answers, name)) }));
  const rows = answerSummary(journey, answers).map((row) => ({ fieldName: row.fieldName, answer: answers[row.fieldName] ?? null, label: row.label, lines: [...row.lines], changeHref: '/change' }));
  const agencies = options.map((option) => option.agency);
  const consentError = [{ field: 'consent', message: 'Select at least one service to tell' }];
  return [
    model({ page: 'check-answers', props: { lifeEvent, rows, continueHref: '/next', backHref: '/back' } }),
    model({ page: 'who-to-tell', props: { lifeEvent, options, backHref: '/back', form: form([], { consent: agencies }) } }),
    model({ page: 'who-to-tell', props: { lifeEvent, options, backHref: '/back', form: form(consentError) } }),
    model({ page: 'declaration', props: { lifeEvent, agencies, backHref: '/back', form: form([{ field: 'declaration', message: pageMessages.declaration }]) } }),
    model({ page: 'confirmation', props: { lifeEvent, reference: 'TUO-7K3M-9Q2M', trackingSecret: 'a'.repeat(22), agencies } }),
    model({ page: 'confirmation', props: { lifeEvent, reference: 'TUO-7K3M-9Q2M', trackingSecret: null, agencies } }),
    model({
      page: 'track',
      props: {
        form: form(),
        result: { reference: 'TUO-7K3M-9Q2M', lifeEvent, submittedAt: '2026-06-15T10:00:00.000Z', agencies: agencyIds.map((agency, index) => ({ agency, status: deliveryStatuses[index % deliveryStatuses.length] ?? 'queued', changedAt: '2026-06-15T10:00:00.000Z' })) },
      },
    }),
  ];
}

const otherPages: PageModel[] = [
  ...(['start', 'not-found', 'error', 'session-expired'] as const).map((page) => model({ page, props: {} })),
  model({ page: 'choose-life-event', props: { form: form() } }),
  model({ page: 'choose-life-event', props: { form: form([{ field: 'lifeEvent', message: pageMessages.chooseLifeEvent }]) } }),
  model({ page: 'track', props: { form: form([{ field: 'reference', message: pageMessages.referenceFormat }, { field: 'secret', message: pageMessages.trackingCodeMissing }]), result: null } }),
];

const everyPage = [...otherPages, ...lifeEventIds.flatMap((id) => [...questionPages(id), ...closingPages(id)])];

/** An i18next instance that records every key it could not find. */
function recordingI18n(): { i18n: i18n; missing: string[] } {
  const missing: string[] = [];
  const instance = createI18n(sourceLanguage, {
    saveMissing: true,
    missingKeyHandler: (_languages, namespace, key) => {
      missing.push(`${namespace}:${key}`);
    },
  });
  return { i18n: instance, missing };
}

/** What a reader sees or hears: text between tags, plus labels in attributes. */
function readable(html: string): string {
  const attributes = [...html.matchAll(/\b(?:aria-label|title|alt)="([^"]*)"/g)].map((match) => match[1]);
  return [html.replace(/<[^>]*>/g, ' '), ...attributes].join(' ');
}

function flatKeys(tree: ResourceTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatKeys(value, `${prefix}${key}.`)));
}
const english = resources[sourceLanguage] as Record<string, ResourceTree>;
const keysShownRaw = new RegExp(`(?:^|\\s)(?:common:|catalogue:|errors:|${[...flatKeys(english.common ?? {}), ...flatKeys(english.catalogue ?? {})].map((key) => key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?=\\s|$)`);

async function renderPage(instance: i18n, page: PageModel): Promise<string> {
  const view = await loadPageView(page);
  const html = renderToString(
    <I18nextProvider i18n={instance}>
      <App model={page} view={view} />
    </I18nextProvider>,
  );
  return `${documentTitle(instance.t, pageHeading(instance.t, page), hasServerErrors(page))} ${html}`;
}

describe('every resident page, rendered in English', () => {
  it(`finds every key it uses (${everyPage.length} pages: every page of every journey, with and without errors)`, async () => {
    const { i18n: instance, missing } = recordingI18n();
    const shownRaw: string[] = [];
    for (const page of everyPage) {
      const text = readable(await renderPage(instance, page));
      const raw = keysShownRaw.exec(text);
      if (raw) shownRaw.push(`${page.page}: ${raw[0].trim()}`);
    }
    expect(missing).toEqual([]);
    expect(shownRaw).toEqual([]);
  });

  it('shows the catalogue and error text through the translations', async () => {
    const { i18n: instance } = recordingI18n();
    const page = questionPages('someone-died').find((candidate) => candidate.page === 'question' && candidate.props.pageId === 'date-of-death' && candidate.props.form.errors.length > 0);
    if (!page) throw new Error('someone-died has no date-of-death page with errors');
    instance.addResource(sourceLanguage, 'catalogue', 'journeys.someone-died.pages.date-of-death.title', 'Pryd buon nhw farw?');
    instance.addResource(sourceLanguage, 'catalogue', 'journeys.someone-died.fields.dateOfDeath.label', 'Pryd buon nhw farw?');
    instance.addResource(sourceLanguage, 'errors', 'Enter the date they died', 'Rhowch y dyddiad y buon nhw farw');
    const html = await renderPage(instance, page);
    expect(html).toContain('Pryd buon nhw farw?');
    expect(html).toContain('Rhowch y dyddiad y buon nhw farw');
    expect(html).not.toContain('When did they die?');
  });

  it('would notice a key missing from English, and a key shown instead of its text', () => {
    const { i18n: instance, missing } = recordingI18n();
    function Broken() {
      const { t } = useTranslation();
      return <p>{t('start.noSuchKey')}</p>;
    }
    const html = renderToString(
      <I18nextProvider i18n={instance}>
        <Broken />
      </I18nextProvider>,
    );
    expect(missing).toEqual(['common:start.noSuchKey']);
    expect(keysShownRaw.test(readable('<p>track.status.queued</p>'))).toBe(true);
    expect(html).toContain('start.noSuchKey');
  });
});
