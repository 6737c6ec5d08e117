import type { FormProps } from '@tuo/shared/pages/page-model';
import { SignInPage } from '../staff/sign-in-page.js';

/** Sign in to the agency portal with an email address and password (the console's form, the portal's words). */
export function AgencySignInPage({ form }: { form: FormProps }) {
  return <SignInPage form={form} namespace="agency" />;
}
