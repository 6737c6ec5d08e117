import { useTranslation } from 'react-i18next';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { SecondFactorEnrolment } from '@tuo/shared/pages/second-factor-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { TextField } from './text-field.js';

// The second factor's pages, for the staff console and (with its own words, `namespace`) the
// agency portal, since both run on the same sign-in machinery.

type Namespace = 'staff' | 'agency';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondFactorPage({ form, namespace = 'staff' }: { form: FormProps; namespace?: Namespace }) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('second-factor.title')}</h1>
        <PostForm form={form}>
          <TextField
            form={{ ...form, values: {} }}
            name="code"
            label={t('second-factor.code')}
            hint={t('second-factor.hint')}
            autoComplete="one-time-code"
            width="govuk-input--width-10"
          />
          <SubmitButton>{t('second-factor.submit')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

/** Set up an authenticator app: a QR code, the same key as text for screen readers and typing, and a code to confirm. */
export function SecondFactorSetUpPage({
  form,
  enrolment,
  namespace = 'staff',
}: {
  form: FormProps;
  enrolment: SecondFactorEnrolment;
  namespace?: Namespace;
}) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('second-factor-set-up.title')}</h1>
        {enrolment.required ? <p className="govuk-body">{t('second-factor-set-up.required')}</p> : null}
        {enrolment.replacing ? <div className="govuk-inset-text">{t('second-factor-set-up.replacing')}</div> : null}
        <p className="govuk-body">{t('second-factor-set-up.scan')}</p>
        <img src={enrolment.qrDataUrl} alt={t('second-factor-set-up.qrAlt')} width={200} height={200} />
        <h2 className="govuk-heading-s govuk-!-margin-top-4">{t('second-factor-set-up.key')}</h2>
        <p className="govuk-body">
          <code className="app-secret-key" data-testid="totp-key">
            {enrolment.spacedSecret}
          </code>
        </p>
        <PostForm form={form}>
          <TextField
            form={{ ...form, values: {} }}
            name="code"
            label={t('second-factor-set-up.code')}
            hint={t('second-factor-set-up.hint')}
            autoComplete="one-time-code"
            width="govuk-input--width-10"
          />
          <SubmitButton>{t('second-factor-set-up.submit')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

/** The recovery codes, shown once, straight after set-up. */
export function RecoveryCodesPage({
  codes,
  continueHref,
  namespace = 'staff',
}: {
  codes: string[];
  continueHref: string;
  namespace?: Namespace;
}) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('recovery-codes.title')}</h1>
        <p className="govuk-body">{t('recovery-codes.intro')}</p>
        <ul className="govuk-list" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <a className="govuk-button" href={continueHref}>
          {t('recovery-codes.continue')}
        </a>
      </div>
    </div>
  );
}
