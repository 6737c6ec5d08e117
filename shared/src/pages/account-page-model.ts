import type { AdminAccount } from '../api/account-admin.js';
import type { FormProps } from './page-model.js';

/** What an administrator just did to an account, to confirm it on the account's page. */
export type AccountDone = 'disable' | 'enable' | 'role' | 'name' | 'reset-second-factor';

/**
 * Account administration, the same in both consoles (staff admins for customer-centre accounts,
 * agency admins for their own organisation's portal accounts): each console's page model adds its
 * `nav` to these views.
 */
export type AccountPageProps =
  | { view: 'accounts'; accounts: AdminAccount[] }
  | {
      view: 'account';
      account: AdminAccount;
      /** The change forms; errors name `role`, `name` or `change`. */
      form: FormProps;
      /** The administrator's own account: only its second factor can be reset here. */
      own: boolean;
      /** Passwords are on, so a password link can be made. */
      passwords: boolean;
      done: AccountDone | null;
    }
  | { view: 'account-invite'; form: FormProps; passwords: boolean }
  /**
   * A one-time link made for a person: emailed to them through GOV.UK Notify (`emailed`, and the
   * link is not shown), or, without Notify, shown once to the administrator to send.
   */
  | {
      view: 'account-link';
      email: string;
      purpose: 'invite' | 'reset';
      link: string | null;
      emailed: boolean;
      expiresAt: string;
    };

/** Setting a password through a one-time link (nobody is signed in). */
export interface SetPasswordProps {
  view: 'set-password';
  form: FormProps;
  email: string;
  purpose: 'invite' | 'reset';
}
