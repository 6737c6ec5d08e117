import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import { agencyRoles } from '@tuo/shared/api/agency-portal';
import { AccountView, type AccountConsole } from '../staff/account-pages.js';
import { AgencyHeader } from './agency-header.js';
import { agencyI18n } from './agency-i18n.js';
import { KeysPage } from './keys-page.js';
import { NotificationPage } from './notification-page.js';
import { RecoveryCodesPage, SecondFactorPage, SecondFactorSetUpPage } from '../staff/second-factor-pages.js';
import { AgencySignInPage } from './sign-in-page.js';
import { SignInSettingsPage } from './sign-in-settings-page.js';
import { SingleSignOnPage } from '../staff/single-sign-on-page.js';
import { WorkListPage } from './work-list-page.js';

const agencyAccounts: AccountConsole = { namespace: 'agency', roles: agencyRoles, base: '/agency/users' };

function MessageView({ message }: { message: Extract<AgencyPageProps, { view: 'message' }>['message'] }) {
  const { t } = useTranslation('agency');
  return (
    <>
      <h1 className="govuk-heading-l">{t(`message.${message}.title`)}</h1>
      <p className="govuk-body">{t(`message.${message}.body`)}</p>
    </>
  );
}

function View({ props }: { props: AgencyPageProps }) {
  switch (props.view) {
    case 'sign-in':
      return <AgencySignInPage form={props.form} providerForm={props.providerForm} signIn={props.signIn} />;
    case 'single-sign-on':
      return (
        <SingleSignOnPage
          outcome={props.outcome}
          continueHref="/agency/notifications"
          signInHref="/agency/sign-in"
          namespace="agency"
        />
      );
    case 'sign-in-settings':
      return <SignInSettingsPage settings={props.settings} form={props.form} done={props.done} />;
    case 'second-factor':
      return <SecondFactorPage form={props.form} namespace="agency" />;
    case 'second-factor-set-up':
      return <SecondFactorSetUpPage form={props.form} enrolment={props.enrolment} namespace="agency" />;
    case 'recovery-codes':
      return <RecoveryCodesPage codes={props.codes} continueHref="/agency/notifications" namespace="agency" />;
    case 'message':
      return <MessageView message={props.message} />;
    case 'accounts':
    case 'account':
    case 'account-invite':
    case 'account-link':
    case 'set-password':
      return <AccountView props={props} on={agencyAccounts} />;
    case 'notifications': {
      const { view: _view, nav: _nav, ...list } = props;
      return <WorkListPage {...list} />;
    }
    case 'notification': {
      const { view: _view, nav: _nav, ...rest } = props;
      return <NotificationPage {...rest} />;
    }
    case 'keys': {
      const { view: _view, nav, ...rest } = props;
      return <KeysPage {...rest} agency={nav.user.agency} />;
    }
  }
}

/** Every page of the agency portal, in the portal's own text, under its header when signed in. */
export function AgencyPage({ props }: { props: AgencyPageProps }) {
  const nav = 'nav' in props ? props.nav : null;
  return (
    <I18nextProvider i18n={agencyI18n}>
      {nav ? <AgencyHeader nav={nav} /> : null}
      <View props={props} />
    </I18nextProvider>
  );
}
