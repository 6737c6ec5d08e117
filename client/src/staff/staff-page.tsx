import { I18nextProvider, useTranslation } from 'react-i18next';
import type { StaffPageProps } from '@tuo/shared/pages/staff-page-model';
import { AccountView } from './account-pages.js';
import { AssistedPage } from './assisted-page.js';
import { AuditPage } from './audit-page.js';
import { DashboardPage } from './dashboard-page.js';
import { ErasePage } from './erase-page.js';
import { SearchPage } from './search-page.js';
import { RecoveryCodesPage, SecondFactorPage, SecondFactorSetUpPage } from './second-factor-pages.js';
import { SignInPage } from './sign-in-page.js';
import { SingleSignOnPage } from './single-sign-on-page.js';
import { StaffHeader } from './staff-header.js';
import { staffI18n } from './staff-i18n.js';
import { SubjectAccessPage } from './subject-access-page.js';
import { SubmissionPage } from './submission-page.js';
import { ChaseRequestsPage } from './chase-requests-page.js';
import { StaffPerformancePage } from './staff-performance-page.js';
import { NeedsCheckingPage } from './needs-checking-page.js';
import { CheckPage } from './check-page.js';
import { CorrectionPage } from './correction-page.js';
import { OrganisationFormPage } from './organisation-form-page.js';
import { OrganisationPage, OrganisationsPage } from './organisation-pages.js';

function MessageView({ message }: { message: Extract<StaffPageProps, { view: 'message' }>['message'] }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h1 className="govuk-heading-l">{t(`message.${message}.title`)}</h1>
      <p className="govuk-body">{t(`message.${message}.body`)}</p>
    </>
  );
}

function View({ props }: { props: StaffPageProps }) {
  switch (props.view) {
    case 'sign-in':
      return <SignInPage form={props.form} signIn={props.signIn} />;
    case 'single-sign-on':
      return <SingleSignOnPage outcome={props.outcome} continueHref="/staff/dashboard" signInHref="/staff/sign-in" />;
    case 'second-factor':
      return <SecondFactorPage form={props.form} />;
    case 'second-factor-set-up':
      return <SecondFactorSetUpPage form={props.form} enrolment={props.enrolment} />;
    case 'recovery-codes':
      return <RecoveryCodesPage codes={props.codes} continueHref="/staff/dashboard" />;
    case 'message':
      return <MessageView message={props.message} />;
    case 'organisations':
      return <OrganisationsPage form={props.form} organisations={props.organisations} />;
    case 'organisation':
      return (
        <OrganisationPage
          organisation={props.organisation}
          defaults={props.defaults}
          kindChannels={props.kindChannels}
          form={props.form}
          done={props.done}
        />
      );
    case 'organisation-form':
      return (
        <OrganisationFormPage
          form={props.form}
          organisationId={props.organisationId}
          kind={props.kind}
          defaults={props.defaults}
        />
      );
    case 'accounts':
    case 'account':
    case 'account-invite':
    case 'account-link':
    case 'set-password':
      return <AccountView props={props} />;
    case 'dashboard':
      return <DashboardPage dashboard={props.dashboard} />;
    case 'search':
      return <SearchPage form={props.form} results={props.results} />;
    case 'submission':
      return (
        <SubmissionPage
          submission={props.submission}
          canRepair={props.canRepair}
          canAdminister={props.canAdminister}
          form={props.form}
          done={props.done}
        />
      );
    case 'assisted':
      return <AssistedPage form={props.form} />;
    case 'audit':
      return <AuditPage form={props.form} page={props.page} nextHref={props.nextHref} />;
    case 'chase-requests':
      return <ChaseRequestsPage queue={props.queue} form={props.form} done={props.done} />;
    case 'needs-checking':
      return <NeedsCheckingPage items={props.items} done={props.done} />;
    case 'check':
      return <CheckPage item={props.item} others={props.others} canDecide={props.canDecide} form={props.form} />;
    case 'correction':
      return (
        <CorrectionPage
          reference={props.reference}
          fields={props.fields}
          chosen={props.chosen}
          unavailable={props.unavailable}
          form={props.form}
        />
      );
    case 'performance':
      return <StaffPerformancePage form={props.form} figures={props.figures} lifeEvent={props.lifeEvent} />;
    case 'subject-access':
      return <SubjectAccessPage data={props.export} jsonHref={props.jsonHref} payloads={props.payloads} />;
    case 'erase':
      return (
        <ErasePage
          reference={props.reference}
          lifeEvent={props.lifeEvent}
          notSent={props.notSent}
          unopened={props.unopened}
          form={props.form}
        />
      );
  }
}

/** Every page of the staff console, in the console's own text, under its header when signed in. */
export function StaffPage({ props }: { props: StaffPageProps }) {
  const nav = 'nav' in props ? props.nav : null;
  return (
    <I18nextProvider i18n={staffI18n}>
      {nav ? <StaffHeader nav={nav} /> : null}
      <View props={props} />
    </I18nextProvider>
  );
}
