import { useTranslation } from 'react-i18next';
import type { AgencySignInMethods } from '@tuo/shared/pages/agency-page-model';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PasswordForm } from '../staff/sign-in-page.js';

/**
 * One link per organisation that signs in through its own provider: links, not a form, since the
 * provider is another site (a form may only be sent to this one) and each is one plain step that
 * works without JavaScript. An error (an organisation that no longer signs in here) sits above them.
 */
function ProviderLinks({ form, signIn }: { form: FormProps; signIn: AgencySignInMethods }) {
  const { t } = useTranslation('agency');
  const error = errorAt(form.errors, 'organisation');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <p id="organisation-hint" className="govuk-hint">
        {t('sign-in.organisationHint')}
      </p>
      <ErrorMessage id="organisation-error" error={error} />
      <ul
        id="organisation"
        tabIndex={-1}
        className="govuk-list"
        aria-describedby={describedBy('organisation-hint', error && 'organisation-error')}
      >
        {signIn.organisations.map((organisation) => (
          <li key={organisation.id}>
            <a
              href={`${signIn.providerAction}?${new URLSearchParams({ organisation: organisation.id }).toString()}`}
              role="button"
              draggable="false"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
              data-module="govuk-button"
            >
              {t('sign-in.provider', { organisation: organisation.name })}
            </a>
          </li>
        ))}
      </ul>
    </div>
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
            <ProviderLinks form={providerForm} signIn={signIn} />
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
