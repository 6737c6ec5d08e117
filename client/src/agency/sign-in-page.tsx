import { useTranslation } from 'react-i18next';
import type { AgencySignInMethods } from '@tuo/shared/pages/agency-page-model';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PasswordForm } from '../staff/sign-in-page.js';

/**
 * The organisation chooser: a GET form (its answer is a redirect to the provider, another site),
 * a labelled select of the organisations that have a provider, so it works without JavaScript and
 * stays one control however many organisations there are.
 */
function ProviderForm({ form, signIn }: { form: FormProps; signIn: AgencySignInMethods }) {
  const { t } = useTranslation('agency');
  const error = errorAt(form.errors, 'organisation');
  const chosen = form.values.organisation;
  return (
    <form method="get" action={signIn.providerAction} noValidate>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="organisation">
          {t('sign-in.organisation')}
        </label>
        <div id="organisation-hint" className="govuk-hint">
          {t('sign-in.organisationHint')}
        </div>
        <ErrorMessage id="organisation-error" error={error} />
        <select
          className={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id="organisation"
          name="organisation"
          defaultValue={typeof chosen === 'string' ? chosen : ''}
          aria-describedby={describedBy('organisation-hint', error && 'organisation-error')}
        >
          <option value="">{t('sign-in.chooseOrganisation')}</option>
          {signIn.organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t('sign-in.provider')}
      </button>
    </form>
  );
}

/**
 * Sign in to the agency portal: with your organisation's own account where it has set one up
 * (chosen by organisation), and with an email address and password unless the install turned
 * passwords off. Both forms' errors share the one summary.
 */
export function AgencySignInPage({
  form,
  providerForm,
  signIn,
}: {
  form: FormProps;
  providerForm: FormProps;
  signIn: AgencySignInMethods;
}) {
  const { t } = useTranslation('agency');
  const errors = [...providerForm.errors, ...form.errors];
  const providers = signIn.organisations.length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('sign-in.title')}</h1>
        {providers ? (
          <>
            <h2 className="govuk-heading-m">{t('sign-in.providerHeading')}</h2>
            <ProviderForm form={providerForm} signIn={signIn} />
          </>
        ) : null}
        {!providers && !signIn.passwords ? <p className="govuk-body">{t('sign-in.noWayIn')}</p> : null}
        {signIn.passwords ? (
          <>
            {providers ? <h2 className="govuk-heading-m">{t('sign-in.or')}</h2> : null}
            <PasswordForm form={form} namespace="agency" />
          </>
        ) : null}
      </div>
    </div>
  );
}
