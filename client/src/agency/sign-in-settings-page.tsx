import { useTranslation } from 'react-i18next';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { FormProps } from '@tuo/shared/pages/page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostButton } from '../components/console-header.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { SuccessBanner } from '../components/success-banner.js';
import { TextField } from '../staff/text-field.js';

type Props = Omit<Extract<AgencyPageProps, { view: 'sign-in-settings' }>, 'view' | 'nav'>;

/** Whether the organisation's people may still sign in with a password: two radios. */
function PasswordsField({ form, installPasswords }: { form: FormProps; installPasswords: boolean }) {
  const { t } = useTranslation('agency');
  const error = errorAt(form.errors, 'passwords');
  const chosen = form.values.passwords;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('passwords-hint', error && 'passwords-error')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('sign-in-settings.passwords')}</legend>
        <div id="passwords-hint" className="govuk-hint">
          {t(installPasswords ? 'sign-in-settings.passwordsHint' : 'sign-in-settings.passwordsOffInstall')}
        </div>
        <ErrorMessage id="passwords-error" error={error} />
        <div className="govuk-radios" data-module="govuk-radios">
          {(['on', 'off'] as const).map((value, index) => (
            <div key={value} className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id={index === 0 ? 'passwords' : `passwords-${value}`}
                name="passwords"
                type="radio"
                value={value}
                defaultChecked={chosen === value}
              />
              <label
                className="govuk-label govuk-radios__label"
                htmlFor={index === 0 ? 'passwords' : `passwords-${value}`}
              >
                {t(`sign-in-settings.passwords-${value}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * An organisation's single sign-on for the agency portal: the redirect URI to give its provider,
 * then the provider's issuer, client id and secret (never shown again once saved), the claim that
 * carries roles and the role map, and whether passwords stay on. Removing it leaves passwords only.
 */
export function SignInSettingsPage({ settings, form, done }: Props) {
  const { t } = useTranslation('agency');
  const saved = settings.provider !== null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <SuccessBanner title={t('sign-in-settings.doneTitle')}>
            <p className="govuk-notification-banner__heading">{t(`sign-in-settings.done-${done}`)}</p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <span className="govuk-caption-l">{settings.organisationName}</span>
        <h1 className="govuk-heading-l">{t('sign-in-settings.title')}</h1>
        <p className="govuk-body">{t('sign-in-settings.intro')}</p>
        <div className="govuk-inset-text">
          {t('sign-in-settings.redirectUri')} <code>{settings.redirectUri}</code>
        </div>
        <p className="govuk-body">{saved ? t('sign-in-settings.status-on') : t('sign-in-settings.status-off')}</p>
        <PostForm form={form}>
          <TextField
            form={form}
            name="issuer"
            label={t('sign-in-settings.issuer')}
            hint={t('sign-in-settings.issuerHint')}
            type="url"
            width="govuk-!-width-full"
          />
          <TextField form={form} name="clientId" label={t('sign-in-settings.clientId')} />
          <TextField
            form={{ ...form, values: {} }}
            name="clientSecret"
            label={t('sign-in-settings.clientSecret')}
            hint={t(saved ? 'sign-in-settings.clientSecretKept' : 'sign-in-settings.clientSecretHint')}
            type="password"
            autoComplete="off"
          />
          <TextField
            form={form}
            name="rolesClaim"
            label={t('sign-in-settings.rolesClaim')}
            hint={t('sign-in-settings.rolesClaimHint')}
            width="govuk-input--width-20"
          />
          <TextField
            form={form}
            name="roleMap"
            label={t('sign-in-settings.roleMap')}
            hint={t('sign-in-settings.roleMapHint')}
            multiline
          />
          <PasswordsField form={form} installPasswords={settings.installPasswords} />
          <SubmitButton>{t('sign-in-settings.save')}</SubmitButton>
        </PostForm>
        {saved ? (
          <>
            <h2 className="govuk-heading-m">{t('sign-in-settings.removeHeading')}</h2>
            <p className="govuk-body">{t('sign-in-settings.removeBody')}</p>
            <PostButton
              action={`${form.action}/remove`}
              csrfToken={form.csrfToken}
              label={t('sign-in-settings.remove')}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
