import { useTranslation } from 'react-i18next';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorSummary } from '../components/error-summary.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { TextField } from './text-field.js';

/**
 * Sign in with an email address and password: the staff console's, and the agency portal's with
 * its own words (`namespace`), since both run on the same session machinery.
 */
export function SignInPage({ form, namespace = 'staff' }: { form: FormProps; namespace?: 'staff' | 'agency' }) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('sign-in.title')}</h1>
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
      </div>
    </div>
  );
}
