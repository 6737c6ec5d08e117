import { saveReturnMessages } from '@tuo/shared/pages/save-return-messages';
import type { SaveReturnPageModel } from '@tuo/shared/pages/save-return-page-model';

const form = (values: Record<string, string>, errors: { field: string; message: string }[] = []) => ({
  action: '/x',
  csrfToken: 'token',
  values,
  errors,
});

/** Every page of save and come back later in each of its states, for the tests that render every page. */
export const saveReturnExamples: readonly SaveReturnPageModel[] = [
  {
    page: 'save-form',
    props: {
      lifeEvent: 'someone-died',
      backHref: '/back',
      methods: ['email', 'sms', 'code'],
      lifetimeDays: 28,
      form: form({}),
    },
  },
  {
    page: 'save-form',
    props: {
      lifeEvent: 'someone-died',
      backHref: '/back',
      methods: ['code'],
      lifetimeDays: 1,
      form: form({}),
    },
  },
  {
    page: 'save-form',
    props: {
      lifeEvent: 'moving-home',
      backHref: '/back',
      methods: ['email', 'sms', 'code'],
      lifetimeDays: 28,
      form: form({ method: 'email', email: 'x' }, [{ field: 'email', message: saveReturnMessages.emailFormat }]),
    },
  },
  {
    page: 'saved-form',
    props: {
      lifeEvent: 'someone-died',
      expiresOn: '2026-07-13',
      outcome: { kind: 'code', code: '7K3MQ-9Q2MX' },
      continueHref: '/someone-died/their-name',
    },
  },
  {
    page: 'saved-form',
    props: {
      lifeEvent: 'someone-died',
      expiresOn: '2026-07-13',
      outcome: { kind: 'sent', channel: 'email' },
      continueHref: '/someone-died/their-name',
    },
  },
  {
    page: 'saved-form',
    props: {
      lifeEvent: 'someone-died',
      expiresOn: '2026-07-13',
      outcome: { kind: 'sent', channel: 'sms' },
      continueHref: '/someone-died/their-name',
    },
  },
  {
    page: 'return-to-form',
    props: {
      by: 'code',
      form: form({ code: 'x' }, [{ field: 'code', message: saveReturnMessages.codeNotFound }]),
    },
  },
  { page: 'return-to-form', props: { by: 'link', form: form({ token: 't' }) } },
  ...(['used', 'expired', 'too-many-tries'] as const).map((reason): SaveReturnPageModel => ({
    page: 'saved-form-unavailable',
    props: { reason },
  })),
  { page: 'saved-form-unavailable', props: { reason: 'submitted', reference: 'TUO-7K3M-9Q2X' } },
];
