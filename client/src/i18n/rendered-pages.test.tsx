import type { i18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import {
  agencyKinds,
  answerSummary,
  catalogue,
  consentOptions,
  deliveryStatuses,
  exampleSubmissions,
  lifeEventIds,
  pageSchema,
  toFieldErrors,
  type LifeEventId,
} from '@tuo/shared';
import { answersToFormValues } from '@tuo/shared/pages/form-values';
import { pageContext } from '@tuo/shared/pages/page-context';
import { organisationSearchMessages } from '@tuo/shared/pages/organisation-search-messages';
import { pageMessages } from '@tuo/shared/pages/page-messages';
import type { FormProps, PageModel } from '@tuo/shared/pages/page-model';
import { App } from '../app.js';
import { saveReturnExamples } from '../save-return/save-return-examples.js';
import { addressLookupExamples } from '../address-lookup/address-lookup-examples.js';
import { loadPageView } from '../page-views.js';
import type { ResourceTree } from './catalogue-resources.js';
import { documentTitle, hasServerErrors } from './document-title.js';
import { pageHeading } from './page-heading.js';
import { addEveryLanguage } from './every-language.js';
import { createI18n, languages, resources, sourceLanguage } from './i18n.js';
import { englishErrors } from './translation-check.js';

const today = '2026-06-15';
const form = (errors: FormProps['errors'] = [], values: FormProps['values'] = {}): FormProps => ({
  action: '/x',
  csrfToken: 'token',
  values,
  errors,
});
const model = (page: Omit<PageModel, 'lang' | 'dir'>): PageModel =>
  ({ ...page, lang: sourceLanguage, dir: 'ltr' }) as PageModel;

/** A tracking row's times: each of the first agencies a step further on (received, acknowledged, done). */
function sentAndReceived(index: number) {
  const at = (step: number) => (index >= step ? '2026-06-15T10:05:00.000Z' : null);
  return { sentAt: at(0), receivedAt: at(1), acknowledgedAt: at(2), actionedAt: at(3) };
}

/** Every question page of a journey, blank and with the errors an empty post gives. */
function questionPages(lifeEvent: LifeEventId): PageModel[] {
  const journey = catalogue[lifeEvent];
  const answers = exampleSubmissions[lifeEvent].answers;
  return journey.pages.flatMap((page) => {
    const answersSoFar = pageContext(journey, page.id, answers);
    const result = pageSchema(journey, page.id, answersSoFar, { today }).safeParse({});
    const errors = result.success ? [] : toFieldErrors(result.error.issues);
    const props = {
      lifeEvent,
      pageId: page.id,
      answersSoFar,
      today,
      backHref: '/back',
    };
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
  const split = journey.routing.council?.split;
  const options = consentOptions(journey, answers).map((option) => ({
    ...option,
    fields: (journey.routing[option.agency]?.fields ?? []).filter((name) => Object.hasOwn(answers, name)),
    // Every kind's own team (no particular organisation known) is named in words of the page's language.
    ...(option.agency === 'council' && split ? {} : { organisationFallback: true as const }),
    // A move between councils: both named, each with its own purpose.
    ...(option.agency === 'council' && split
      ? {
          parts: (['leaving', 'joining'] as const).map((role) => ({
            role,
            organisationName: role === 'leaving' ? 'Northbridge Borough Council' : 'Southmere District Council',
            fields: split[role].fields.filter((name) => Object.hasOwn(answers, name)),
          })),
        }
      : {}),
  }));
  const rows = answerSummary(journey, answers).map((row) => ({
    fieldName: row.fieldName,
    answer: answers[row.fieldName] ?? null,
    changeHref: '/change',
    sectionPageId: row.section?.pageId ?? null,
  }));
  const agencies = options.map((option) => option.agency);
  const consentError = [{ field: 'consent', message: 'Select at least one service to tell' }];
  return [
    model({ page: 'check-answers', props: { lifeEvent, rows, continueHref: '/next', backHref: '/back' } }),
    model({
      page: 'who-to-tell',
      props: { lifeEvent, options, backHref: '/back', form: form([], { consent: agencies }) },
    }),
    model({ page: 'who-to-tell', props: { lifeEvent, options, backHref: '/back', form: form(consentError) } }),
    ...[[], [{ field: 'council', message: organisationSearchMessages.councilMissing }]].map((errors) =>
      model({
        page: 'which-council',
        props: {
          lifeEvent,
          addressField: journey.pages.flatMap((page) => page.fields).find((f) => f.kind === 'address')?.name ?? '',
          address: ['7 Harbour Row', 'Southmere', 'SX4 9ZZ'],
          councils: [
            { id: '0b9c3c1e-1f0a-4d3e-9a55-1f1d3b8f0a11', name: 'Northbridge Borough Council' },
            { id: '6c1b1b8e-8a1f-4c39-9a55-1f1d3b8f0a12', name: 'Southmere District Council' },
          ],
          search: { action: '/x/which-council/a', query: errors.length > 0 ? 'Harbour' : '', needed: false },
          backHref: '/back',
          form: form(errors),
        },
      }),
    ),
    model({
      page: 'declaration',
      props: {
        lifeEvent,
        agencies,
        backHref: '/back',
        form: form([{ field: 'declaration', message: pageMessages.declaration }]),
      },
    }),
    model({
      page: 'confirmation',
      props: {
        lifeEvent,
        reference: 'TUO-7K3M-9Q2M',
        trackingSecret: 'a'.repeat(22),
        agencies,
        confirm: null,
        awaitingCheck: agencies.slice(0, 1),
        messagedBy: ['email', 'sms'],
        alsoDoDone: [],
      },
    }),
    model({
      page: 'confirmation',
      props: {
        lifeEvent,
        reference: 'TUO-7K3M-9Q2M',
        trackingSecret: null,
        agencies,
        confirm: null,
        awaitingCheck: [],
        messagedBy: [],
        alsoDoDone: ['register'],
      },
    }),
    // Waiting for the code: by email on a trial install with an error; by text; and with no contact at all.
    ...(
      [
        {
          sentTo: 'email',
          trialCode: '123456',
          newCodeSent: true,
          errors: [{ field: 'code', message: pageMessages.confirmCodeWrong }],
        },
        { sentTo: 'sms', trialCode: null, newCodeSent: false, errors: [] },
        { sentTo: null, trialCode: null, newCodeSent: false, errors: [] },
      ] as const
    ).map((step) =>
      model({
        page: 'confirmation',
        props: {
          lifeEvent,
          reference: 'TUO-7K3M-9Q2M',
          trackingSecret: 'a'.repeat(22),
          agencies,
          awaitingCheck: [],
          messagedBy: [],
          alsoDoDone: [],
          confirm: {
            sentTo: step.sentTo,
            trialCode: step.trialCode,
            newCodeSent: step.newCodeSent,
            newCodeAction: '/x/confirmation/new-code',
            form: form([...step.errors]),
          },
        },
      }),
    ),
    model({
      page: 'track',
      props: {
        form: form(),
        result: {
          reference: 'TUO-7K3M-9Q2M',
          lifeEvent,
          submittedAt: '2026-06-15T10:00:00.000Z',
          confirmation: 'awaiting',
          withdrawn: null,
          agencies: agencyKinds.map((agency, index) => ({
            agency,
            organisation: `Organisation ${String(index + 1)}`,
            ...(index === 1 ? { organisationFallback: true as const } : {}),
            status: deliveryStatuses[index % deliveryStatuses.length] ?? 'queued',
            ...(index === 0 ? { status: 'held' as const, heldFor: 'check' as const } : {}),
            changedAt: '2026-06-15T10:00:00.000Z',
            sentAt: null,
            receivedAt: null,
            acknowledgedAt: null,
            actionedAt: null,
            agencyReference: index === 0 ? 'CT/2026/0042' : null,
          })),
        },
        chase: {
          form: form(),
          requested: null,
          agencies: agencyKinds.map((agency, index) => ({
            agency,
            organisation: 'Organisation',
            ...(index === 1 ? { organisationFallback: true as const } : {}),
            missed: null,
            deadline: null,
            targets: { acknowledgeBy: '2026-06-17', actionBy: '2026-06-29' },
            canAsk: false,
            requests: [],
          })),
        },
        withdrawal: {
          form: {
            ...form([{ field: 'reason', message: pageMessages.withdrawalReasonMissing }]),
            values: { reference: 'TUO-7K3M-9Q2M' },
          },
        },
      },
    }),
    model({
      page: 'track',
      props: {
        form: form(),
        result: {
          reference: 'TUO-7K3M-9Q2M',
          lifeEvent,
          submittedAt: '2026-06-15T10:00:00.000Z',
          confirmation: 'confirmed',
          withdrawn: null,
          // Waiting unopened in an inbox, received, acknowledged, done.
          agencies: agencyKinds.map((agency, index) => ({
            agency,
            organisation: `Organisation ${String(index + 1)}`,
            ...(index === 1 ? { organisationFallback: true as const } : {}),
            status: (['delivered', 'delivered', 'acknowledged', 'actioned'] as const)[index] ?? 'delivered',
            changedAt: '2026-06-15T10:05:00.000Z',
            ...sentAndReceived(index),
            agencyReference: null,
          })),
        },
        chase: {
          form: form(),
          requested: null,
          agencies: agencyKinds.map((agency) => ({
            agency,
            organisation: 'Organisation',
            missed: null,
            deadline: null,
            targets: { acknowledgeBy: '2026-06-17', actionBy: '2026-06-29' },
            canAsk: false,
            requests: [],
          })),
        },
        withdrawal: null,
      },
    }),
    model({
      page: 'track',
      props: {
        form: form(),
        result: {
          reference: 'TUO-7K3M-9Q2M',
          lifeEvent,
          submittedAt: '2026-06-15T10:00:00.000Z',
          withdrawn: { at: '2026-06-16T09:00:00.000Z', by: 'resident' },
          agencies: agencyKinds.map((agency) => ({
            agency,
            organisation: 'Organisation',
            status: 'cancelled',
            changedAt: '2026-06-16T09:00:00.000Z',
            sentAt: null,
            receivedAt: null,
            acknowledgedAt: null,
            actionedAt: null,
            agencyReference: null,
          })),
        },
        withdrawal: null,
      },
    }),
  ];
}

const otherPages: PageModel[] = [
  ...(['start', 'not-found', 'error', 'unavailable', 'session-expired'] as const).map((page) =>
    model({ page, props: {} }),
  ),
  model({ page: 'choose-life-event', props: { form: form() } }),
  model({
    page: 'choose-life-event',
    props: { form: form([{ field: 'lifeEvent', message: pageMessages.chooseLifeEvent }]) },
  }),
  model({
    page: 'track',
    props: {
      form: form([
        { field: 'reference', message: pageMessages.referenceFormat },
        { field: 'secret', message: pageMessages.trackingCodeMissing },
      ]),
      result: null,
    },
  }),
  ...saveReturnExamples.map(model),
  ...addressLookupExamples.map(model),
];

const everyPage = [...otherPages, ...lifeEventIds.flatMap((id) => [...questionPages(id), ...closingPages(id)])];

addEveryLanguage();

/**
 * An i18next instance that records every key it could not find. No fallback: a key missing in
 * Welsh must be reported, not quietly shown in English.
 */
function recordingI18n(language: string = sourceLanguage): { i18n: i18n; missing: string[] } {
  const missing: string[] = [];
  const instance = createI18n(language, {
    // Every key a page uses must be in English, error messages included (see translation-check.ts).
    // A copy: a test that adds a resource to its instance must not change the text other files read.
    resources: structuredClone({
      ...resources,
      [sourceLanguage]: { ...resources[sourceLanguage], errors: englishErrors },
    }),
    fallbackLng: false,
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
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatKeys(value, `${prefix}${key}.`),
  );
}
const english = resources[sourceLanguage] as Record<string, ResourceTree>;
const keysShownRaw = new RegExp(
  `(?:^|\\s)(?:common:|catalogue:|errors:|${[...flatKeys(english.common ?? {}), ...flatKeys(english.catalogue ?? {})].map((key) => key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?=\\s|$)`,
);

async function renderPage(instance: i18n, page: PageModel): Promise<string> {
  const view = await loadPageView(page);
  const html = renderToString(
    <I18nextProvider i18n={instance}>
      <App model={page} view={view} />
    </I18nextProvider>,
  );
  return `${documentTitle(instance.t, pageHeading(instance.t, page), hasServerErrors(page))} ${html}`;
}

describe('every resident page, rendered in every language', () => {
  it.each(languages)(
    `in %s finds every key it uses (${everyPage.length} pages: every page of every journey, with and without errors)`,
    async (language) => {
      const { i18n: instance, missing } = recordingI18n(language);
      const shownRaw: string[] = [];
      for (const page of everyPage) {
        const html = await renderPage(instance, { ...page, lang: language, dir: instance.dir(language) });
        const text = readable(html);
        const raw = keysShownRaw.exec(text);
        if (raw) shownRaw.push(`${page.page}: ${raw[0].trim()}`);
      }
      expect([...new Set(missing)]).toEqual([]);
      expect(shownRaw).toEqual([]);
    },
    60_000,
  );

  it('links to every language, each named in itself, and keeps the page address', async () => {
    const { i18n: instance } = recordingI18n('cy');
    const html = await renderPage(instance, {
      ...model({ page: 'track', props: { form: form(), result: null } }),
      lang: 'cy',
      url: '/track?reference=TUO-7K3M-9Q2M',
    });
    expect(html).toContain(
      '<span class="govuk-language-navigation__text" aria-current="true" lang="cy" dir="ltr">Cymraeg</span>',
    );
    expect(html).toContain(
      'href="/track?reference=TUO-7K3M-9Q2M&amp;lang=ar" rel="alternate" lang="ar" hrefLang="ar" dir="rtl">العربية</a>',
    );
    expect(html).not.toContain('app-translation-notice');
    const polish = await renderPage(recordingI18n('pl').i18n, { ...model({ page: 'start', props: {} }), lang: 'pl' });
    expect(polish).toContain('To tłumaczenie nie zostało jeszcze sprawdzone przez urząd gminy.');
  });

  it('shows the catalogue and error text through the translations', async () => {
    const { i18n: instance } = recordingI18n();
    const page = questionPages('someone-died').find(
      (candidate) =>
        candidate.page === 'question' &&
        candidate.props.pageId === 'date-of-death' &&
        candidate.props.form.errors.length > 0,
    );
    if (!page) throw new Error('someone-died has no date-of-death page with errors');
    instance.addResource(
      sourceLanguage,
      'catalogue',
      'journeys.someone-died.pages.date-of-death.title',
      'Pryd buon nhw farw?',
    );
    instance.addResource(
      sourceLanguage,
      'catalogue',
      'journeys.someone-died.fields.dateOfDeath.label',
      'Pryd buon nhw farw?',
    );
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
