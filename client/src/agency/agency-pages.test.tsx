import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { agencyKinds, type AgencyKind } from '@tuo/shared';
import type { AgencyPageProps, NotificationFacts } from '@tuo/shared/pages/agency-page-model';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { AgencyPage } from './agency-page.js';
import { agencyHeading, agencyI18n } from './agency-i18n.js';

const form = (errors: FormProps['errors'] = [], values: FormProps['values'] = {}): FormProps => ({
  action: '/x',
  csrfToken: 'token',
  values,
  errors,
});
const nav = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'a@agency.example',
    role: 'agency-admin' as const,
    agency: 'council' as const,
    organisation: { id: '5f1c1c4e-8d3e-4b8e-9a57-1f0c3f2f6a10', name: 'Northbridge Council', fallback: true },
  },
  csrfToken: 'token',
};
const item = {
  id: '00000000-0000-4000-8000-000000000002',
  reference: 'TUO-7K3M-9Q2M',
  lifeEvent: 'someone-died' as const,
  status: 'delivered' as const,
  deliveredAt: '2026-06-15T10:00:00.000Z',
  acknowledgedAt: null,
  actionedAt: null,
  missedTargets: [] as ('acknowledge' | 'action')[],
  possibleDuplicateOf: null as string | null,
  withdrawn: null as { at: string; by: 'resident' | 'staff' } | null,
  corrected: false,
  verificationLevel: 'low' as 'low' | 'medium' | 'high' | null,
};
const passwordsOnly = { passwords: true, providerAction: '/agency/sign-in/oidc', organisations: [] };
const query = { status: 'delivered' as const, page: 2 };
/** A new online report; an acknowledged one taken on the phone; an actioned one face to face, its targets missed. */
const factsFor = (status: 'delivered' | 'acknowledged' | 'actioned'): NotificationFacts => ({
  channel: status === 'delivered' ? 'online' : status === 'acknowledged' ? 'phone' : 'face-to-face',
  adviser:
    status === 'delivered'
      ? null
      : {
          staffId: '00000000-0000-4000-8000-000000000007',
          identityChecks: status === 'acknowledged' ? ['security-questions'] : [],
        },
  uprns: status === 'delivered' ? [] : [{ label: 'Address of the person who died', uprn: '100023336956' }],
  acknowledgedBy: status === 'delivered' ? null : { by: 'portal-user', name: 'r.clerk@council.example' },
  actionedBy: status === 'actioned' ? { by: 'api-key', name: 'Revenues' } : null,
  targets: {
    acknowledge: { by: '2026-06-17', missed: status === 'actioned' },
    action: { by: '2026-06-29', missed: status === 'actioned' },
  },
});
const tabHrefs = { delivered: '/a', acknowledged: '/b', actioned: '/c', all: '/d' };

const everyView: AgencyPageProps[] = [
  { view: 'sign-in', form: form(), providerForm: form(), signIn: passwordsOnly },
  {
    view: 'sign-in',
    form: form([{ field: 'email', message: 'Enter a correct email address and password' }]),
    providerForm: form(),
    signIn: passwordsOnly,
  },
  {
    view: 'sign-in',
    form: form(),
    providerForm: form([
      { field: 'organisation', message: 'This organisation does not sign in here: choose yours from the list' },
    ]),
    signIn: { ...passwordsOnly, organisations: [{ id: nav.user.organisation.id, name: 'Northbridge Council' }] },
  },
  { view: 'sign-in', form: form(), providerForm: form(), signIn: { ...passwordsOnly, passwords: false } },
  ...[false, true].map((own) => ({
    view: 'account' as const,
    nav,
    account: {
      id: nav.user.id,
      email: 'clerk@agency.example',
      displayName: own ? null : 'Rhian Clerk',
      role: 'agency-user',
      agency: 'council',
      disabled: own,
      secondFactor: true,
      createdAt: item.deliveredAt,
    },
    form: form(own ? [{ field: 'change', message: 'Ask another administrator to change your own account' }] : []),
    own,
    passwords: true,
    done: own ? null : ('disable' as const),
  })),
  { view: 'accounts', nav, accounts: [] },
  { view: 'account-invite', nav, form: form([{ field: 'email', message: 'Enter an email address' }]), passwords: true },
  { view: 'account-invite', nav, form: form(), passwords: false },
  ...[true, false].map((emailed) => ({
    view: 'account-link' as const,
    nav,
    email: 'new@agency.example',
    purpose: emailed ? ('invite' as const) : ('reset' as const),
    link: emailed ? null : 'https://tuo.example/agency/set-password?token=x',
    emailed,
    expiresAt: item.deliveredAt,
  })),
  ...(['invite', 'reset'] as const).map((purpose) => ({
    view: 'set-password' as const,
    form: form(purpose === 'reset' ? [{ field: 'confirm', message: 'Enter the same password in both boxes' }] : []),
    email: 'new@agency.example',
    purpose,
  })),
  ...(['signed-in', 'no-role', 'disabled', 'no-email', 'taken', 'expired', 'failed'] as const).map((outcome) => ({
    view: 'single-sign-on' as const,
    outcome,
  })),
  ...([null, 'saved'] as const).map((done) => ({
    view: 'sign-in-settings' as const,
    nav,
    settings: {
      organisationId: nav.user.organisation.id,
      organisationName: 'Northbridge Council',
      provider:
        done === null
          ? null
          : {
              issuer: 'https://login.example/v2.0',
              clientId: 'client',
              rolesClaim: 'roles',
              roleMap: { 'tuo-portal': 'agency-user' as const },
              passwords: true,
              updatedAt: item.deliveredAt,
            },
      installPasswords: done === null,
      redirectUri: 'https://tuo.example/agency/sign-in/oidc/callback',
    },
    form: form(done === null ? [{ field: 'issuer', message: 'Enter the provider’s issuer URL' }] : [], {
      passwords: 'on',
    }),
    done,
  })),
  { view: 'second-factor', form: form() },
  { view: 'second-factor', form: form([{ field: 'code', message: 'The code is not right, or has been used' }]) },
  ...[true, false].map((required) => ({
    view: 'second-factor-set-up' as const,
    nav,
    form: form(required ? [] : [{ field: 'code', message: 'The code is not right, or has been used' }]),
    enrolment: { spacedSecret: 'ABCD EFGH', qrDataUrl: 'data:image/svg+xml;base64,', required, replacing: !required },
  })),
  { view: 'recovery-codes', nav, codes: ['abcde-fghij', 'klmno-pqrst'] },
  ...(
    [
      'forbidden',
      'form-expired',
      'not-found',
      'export-too-large',
      'no-webhook',
      'link-expired',
      'password-set',
    ] as const
  ).map((message) => ({
    view: 'message' as const,
    message,
    nav,
  })),
  {
    view: 'notifications',
    nav,
    query,
    form: form(),
    items: [
      item,
      { ...item, missedTargets: ['acknowledge', 'action'] },
      { ...item, possibleDuplicateOf: 'TUO-4HB8-CZT1' },
      { ...item, withdrawn: { at: '2026-06-16T09:00:00.000Z', by: 'resident' as const } },
      { ...item, corrected: true },
      { ...item, verificationLevel: 'medium' as const },
      { ...item, verificationLevel: 'high' as const },
      { ...item, verificationLevel: null },
    ],
    total: 30,
    previousHref: '/p',
    nextHref: '/n',
    exportHref: '/e',
    tabHrefs,
  },
  {
    view: 'notifications',
    nav,
    query,
    form: form([{ field: 'from', message: 'Delivered from must be a real date' }]),
    items: [],
    total: 0,
    previousHref: null,
    nextHref: null,
    exportHref: '/e',
    tabHrefs,
  },
  ...(['delivered', 'acknowledged', 'actioned'] as const).map((status) => ({
    view: 'notification' as const,
    nav,
    notification: {
      ...item,
      status,
      agency: 'council' as const,
      outcome: status === 'actioned' ? 'Done' : null,
      agencyReference: status === 'delivered' ? null : 'CT/2026/0042',
      possibleDuplicateOf: status === 'acknowledged' ? 'TUO-4HB8-CZT1' : null,
      withdrawn: status === 'delivered' ? { at: '2026-06-16T09:00:00.000Z', by: 'staff' as const } : null,
      rows: [{ label: 'When did they die?', lines: ['14 January 2025'] }],
      // Corrected after the officer had acknowledged it: twice, the second time two answers.
      corrections:
        status === 'acknowledged'
          ? [
              { at: '2026-06-16T09:00:00.000Z', labels: ['When did they die?'] },
              {
                at: '2026-06-17T11:30:00.000Z',
                labels: ['What was their NHS number?', 'What was their date of birth?'],
              },
            ]
          : [],
      facts: factsFor(status),
      unplacedAddresses: status === 'delivered' ? ['What was their last address?'] : [],
      // Erased early: says so, rather than that nothing was routed or that it predates levels.
      ...(status === 'actioned'
        ? { answersErased: { at: '2026-06-20T09:00:00.000Z', kind: 'request' as const }, rows: [] }
        : {}),
      verification:
        status === 'actioned'
          ? null
          : {
              level: status === 'delivered' ? ('low' as const) : ('medium' as const),
              checks: [
                { kind: 'contact-confirmed' as const, by: 'email', at: '2026-06-15T09:58:00.000Z' },
                ...(status === 'delivered'
                  ? [
                      // Evidence the reporter gave, named by its kind.
                      {
                        kind: 'evidence-given' as const,
                        by: 'reporter',
                        at: '2026-06-15T09:58:00.000Z',
                        detail: ['death-registration'],
                      },
                    ]
                  : [
                      {
                        kind: 'staff-check' as const,
                        by: 'supervisor:00000000-0000-4000-8000-000000000009',
                        at: '2026-06-15T09:59:00.000Z',
                        level: 'medium' as const,
                        detail: ['call-back'],
                      },
                    ]),
              ],
              channel: 'online' as const,
            },
    },
    form: form(
      status === 'delivered'
        ? [{ field: 'outcome', message: 'Say what was done' }]
        : status === 'acknowledged'
          ? [{ field: 'reference', message: 'Your reference must be 64 characters or fewer' }]
          : [],
      {
        outcome: 'x'.repeat(2001),
      },
    ),
    acknowledgeAction: '/ack',
    outcomeMaxLength: 2000,
    done: status === 'delivered' ? null : status,
  })),
  {
    view: 'keys',
    nav,
    keys: [
      {
        id: item.id,
        name: 'Revenues',
        prefix: 'tuo_council_abcdef',
        createdAt: item.deliveredAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ],
    webhook: { webhook: true, rotatedAt: item.deliveredAt, retiring: [item.deliveredAt] },
    graceHours: 24,
    form: form(),
    created: { name: 'Revenues', key: 'tuo_council_secret' },
    rotated: { secret: 'whsec_x', previousRetiresAt: item.deliveredAt },
    done: 'revoked',
  },
  {
    view: 'keys',
    nav,
    keys: [],
    webhook: { webhook: false, rotatedAt: null, retiring: [] },
    graceHours: 24,
    form: form([{ field: 'name', message: 'Enter a name for the key' }]),
    created: null,
    rotated: null,
    done: null,
  },
];

/** The work list showing these rows, rendered. */
const workList = (items: (typeof item)[]) =>
  renderToString(
    <AgencyPage
      props={{
        view: 'notifications',
        nav,
        query,
        form: form(),
        items,
        total: items.length,
        previousHref: null,
        nextHref: null,
        exportHref: '/e',
        tabHrefs,
      }}
    />,
  );

describe('every agency portal page', () => {
  it(`finds every key it uses (${String(everyView.length)} views, with and without errors)`, () => {
    const missing: string[] = [];
    const record = (_languages: readonly string[], namespace: string, key: string) =>
      missing.push(`${namespace}:${key}`);
    agencyI18n.options.saveMissing = true;
    agencyI18n.options.missingKeyHandler = record;
    try {
      for (const props of everyView) {
        const html = renderToString(<AgencyPage props={props} />);
        expect(html).not.toMatch(/>\s*(?:nav|notifications?|keys|message|status)\.[a-zA-Z.-]+\s*</);
        expect(html).not.toMatch(/verification\.[a-z]+\.[a-z-]+/);
        expect(agencyHeading(props)).not.toMatch(/^[a-z-]+\.[a-z]/);
      }
    } finally {
      agencyI18n.options.saveMissing = false;
    }
    // The `errors` namespace lists residents' messages only (a snapshot); the portal, like the staff
    // console, is in English and shows its server's messages as they are.
    expect(missing.filter((key) => !key.startsWith('errors:'))).toEqual([]);
  });

  it('names the organisation signed in for, not only its kind', () => {
    const html = renderToString(<AgencyPage props={{ view: 'message', nav, message: 'not-found' }} />);
    expect(html).toContain('Signed in as a@agency.example (agency admin, Northbridge Council)');
  });

  it('marks a notification that missed its targets, so overdue work stands out', () => {
    const html = workList([{ ...item, missedTargets: ['acknowledge', 'action'] }]);
    expect(html).toContain('Not acknowledged in time');
    expect(html).toContain('Not actioned in time');
  });

  it('says when a notification was corrected after it was sent and which answers, and tags it', () => {
    const [plain, corrected] = everyView
      .filter((props) => props.view === 'notification')
      .map((props) => renderToString(<AgencyPage props={props} />));
    expect(plain).not.toContain('id="corrected"');
    expect(corrected).toContain('Corrected after it was sent');
    expect(corrected).toContain('When did they die?</li>');
    expect(corrected).toContain('What was their NHS number?, What was their date of birth?');
    expect(corrected).toContain('The answers shown are the corrected ones');
    expect(corrected).toContain('>Corrected</strong>');
    const list = workList([item, { ...item, corrected: true }]);
    expect(list.match(/>Corrected<\/strong>/g)).toHaveLength(1);
  });

  it('states the outcome limit without JavaScript and says how far over a long note is', () => {
    const notification = everyView.find((props) => props.view === 'notification');
    if (!notification) throw new Error('Expected a notification view');
    const html = renderToString(<AgencyPage props={notification} />);
    expect(html).toContain('You have 1 character too many');
  });

  it('gives each kind of organisation examples from its own work: the NHS is not told about council tax', () => {
    const hints = (agency: AgencyKind) => {
      const notification = everyView.find((props) => props.view === 'notification');
      const keys = everyView.find((props) => props.view === 'keys');
      if (notification?.view !== 'notification' || keys?.view !== 'keys') throw new Error('Expected both views');
      const own = { ...nav, user: { ...nav.user, agency } };
      return [
        renderToString(
          <AgencyPage props={{ ...notification, nav: own, notification: { ...notification.notification, agency } }} />,
        ),
        renderToString(<AgencyPage props={{ ...keys, nav: own }} />),
      ].join('');
    };
    expect(hints('council')).toContain('closed the council tax account');
    for (const agency of agencyKinds.filter((kind) => kind !== 'council'))
      expect(hints(agency).toLowerCase()).not.toContain('council tax');
    expect(hints('gp-practice')).toContain('updated the patient record');
    expect(hints('housing-provider')).toContain('ended the tenancy');
    expect(hints('housing-provider')).toContain('tenancy management system');
    expect(hints('jobcentre')).toContain('Universal Credit claim');
  });
});
