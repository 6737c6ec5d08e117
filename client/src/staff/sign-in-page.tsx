import { useTranslation } from 'react-i18next';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { SignInMethods } from '@tuo/shared/pages/staff-page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { TextField } from './text-field.js';

const passwordsOnly: SignInMethods = { passwords: true, providerHref: null };

/** The email address and password form (the password is never filled back in). */
export function PasswordForm({ form, namespace }: { form: FormProps; namespace: 'staff' | 'agency' }) {
  const { t } = useTranslation(namespace);
  return (
    <PostForm form={form}>
      <TextField form={form} name="email" label={t('sign-in.email')} type="email" autoComplete="username" />
      <TextField
        form={{ ...form, values: {} }}
        name="password"
        label={t('sign-in.password')}
        type="password"
        autoComplete="current-password"
      />
      <SubmitButton>{t('sign-in.submit')}</SubmitButton>
    </PostForm>
  );
}

/**
 * Sign in with the organisation's provider (a link: the provider's page is another site) and, unless
 * turned off, an email address and password: the staff console's, and the agency portal's with its
 * own words (`namespace`), since both run on the same session machinery.
 */
export function SignInPage({
  form,
  signIn = passwordsOnly,
  namespace = 'staff',
}: {
  form: FormProps;
  signIn?: SignInMethods;
  namespace?: 'staff' | 'agency';
}) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('sign-in.title')}</h1>
        {signIn.providerHref ? (
          <>
            {signIn.passwords ? null : <p className="govuk-body">{t('sign-in.providerOnly')}</p>}
            <a
              href={signIn.providerHref}
              role="button"
              draggable="false"
              className="govuk-button"
              data-module="govuk-button"
            >
              {t('sign-in.provider')}
            </a>
            {signIn.passwords ? <h2 className="govuk-heading-m">{t('sign-in.or')}</h2> : null}
          </>
        ) : null}
        {signIn.passwords ? <PasswordForm form={form} namespace={namespace} /> : null}
      </div>
    </div>
  );
}
