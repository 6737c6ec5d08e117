import { useId } from 'react';
import { TableScroller } from '../components/table-scroller.js';
import { useTranslation } from 'react-i18next';
import type { AdminAccount } from '@tuo/shared/api/account-admin';
import { staffRoles } from '@tuo/shared/api/staff-session';
import type { FormProps } from '@tuo/shared/pages/page-model';
import type { AccountDone, AccountPageProps, SetPasswordProps } from '@tuo/shared/pages/account-page-model';
import { ErrorMessage } from '../components/error-message.js';
import { ErrorSummary } from '../components/error-summary.js';
import { describedBy, errorAt } from '../components/field-ids.js';
import { PostForm, SubmitButton } from '../components/post-form.js';
import { AccountNameForm } from './account-name-form.js';
import { formatDateTime } from './staff-format.js';
import { TextField } from './text-field.js';

// Account administration for either console's admins (staff by default, the agency portal with its
// own words and roles through `on`): the accounts, one account's changes, an invitation, the
// one-time link made for a person, and setting a password through it.

/** Which console's accounts a page shows: its words, its roles and where its account pages are. */
export interface AccountConsole {
  namespace: 'staff' | 'agency';
  roles: readonly string[];
  /** `/staff/accounts` or `/agency/users`. */
  base: string;
}

const staffConsole: AccountConsole = { namespace: 'staff', roles: staffRoles, base: '/staff/accounts' };

function RoleSelect({ form, value, on }: { form: FormProps; value: string; on: AccountConsole }) {
  const { t } = useTranslation(on.namespace);
  const error = errorAt(form.errors, 'role');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor="role">
        {t('accounts.role')}
      </label>
      <ErrorMessage id="role-error" error={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id="role"
        name="role"
        defaultValue={value}
        aria-describedby={describedBy(error && 'role-error')}
      >
        {on.roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Status({ account, on }: { account: AdminAccount; on: AccountConsole }) {
  const { t } = useTranslation(on.namespace);
  return account.disabled ? (
    <strong className="govuk-tag govuk-tag--grey">{t('accounts.disabled')}</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--green">{t('accounts.active')}</strong>
  );
}

/** Every account in the administrator's scope: who, their role, whether enabled and whether they have a second factor. */
export function AccountsPage({ accounts, on = staffConsole }: { accounts: AdminAccount[]; on?: AccountConsole }) {
  const { t } = useTranslation(on.namespace);
  const captionId = useId();
  return (
    <>
      <h1 className="govuk-heading-l">{t('accounts.title')}</h1>
      <p className="govuk-body">
        <a
          className="govuk-button"
          role="button"
          draggable="false"
          data-module="govuk-button"
          href={`${on.base}/invite`}
        >
          {t('accounts.invite')}
        </a>
      </p>
      <TableScroller captionId={captionId}>
        <table className="govuk-table">
          <caption id={captionId} className="govuk-table__caption govuk-table__caption--m">
            {t('accounts.caption', { count: accounts.length })}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['email', 'displayName', 'role', 'status', 'secondFactor'].map((column) => (
                <th key={column} scope="col" className="govuk-table__header">
                  {t(`accounts.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {accounts.map((account) => (
              <tr key={account.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={`${on.base}/${account.id}`}>
                    {account.email}
                  </a>
                </td>
                <td className="govuk-table__cell">{account.displayName ?? t('accounts.noName')}</td>
                <td className="govuk-table__cell">{t(`roles.${account.role}`)}</td>
                <td className="govuk-table__cell">
                  <Status account={account} on={on} />
                </td>
                <td className="govuk-table__cell">{t(account.secondFactor ? 'accounts.yes' : 'accounts.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </>
  );
}

function ChangeButton({
  form,
  change,
  label,
  warning = false,
}: {
  form: FormProps;
  change: string;
  label: string;
  warning?: boolean;
}) {
  return (
    <PostForm form={form}>
      <input type="hidden" name="change" value={change} />
      <button
        type="submit"
        className={`govuk-button ${warning ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
        data-module="govuk-button"
      >
        {label}
      </button>
    </PostForm>
  );
}

/** One account and what an administrator can change: role, enabled, second factor, password. */
export function AccountPage(props: {
  account: AdminAccount;
  form: FormProps;
  own: boolean;
  passwords: boolean;
  done: AccountDone | null;
  on?: AccountConsole;
}) {
  const { account, form, own, passwords, done, on = staffConsole } = props;
  const { t } = useTranslation(on.namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        {done ? (
          <div
            className="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="done-title"
            data-module="govuk-notification-banner"
          >
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="done-title">
                {t('accounts.doneTitle')}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t(`accounts.done.${done}`)}</p>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">{account.email}</h1>
        <dl className="govuk-summary-list">
          {[
            ['displayName', account.displayName ?? t('accounts.noName')],
            ['role', t(`roles.${account.role}`)],
            ['status', <Status key="status" account={account} on={on} />],
            ['secondFactor', t(account.secondFactor ? 'accounts.yes' : 'accounts.no')],
            ['createdAt', formatDateTime(account.createdAt)],
          ].map(([key, value]) => (
            <div key={key as string} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t(`accounts.columns.${key as string}`)}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        {own ? <p className="govuk-body">{t('accounts.own')}</p> : null}
        <div id="change" tabIndex={-1}>
          <ErrorMessage id="change-error" error={errorAt(form.errors, 'change')} />
        </div>
        <AccountNameForm account={account} form={form} namespace={on.namespace} />
        {own ? null : (
          <>
            <h2 className="govuk-heading-m">{t('accounts.changeRole')}</h2>
            <PostForm form={form}>
              <input type="hidden" name="change" value="role" />
              <RoleSelect form={form} value={account.role} on={on} />
              <SubmitButton>{t('accounts.changeRole')}</SubmitButton>
            </PostForm>
            <h2 className="govuk-heading-m">{t(account.disabled ? 'accounts.enable' : 'accounts.disable')}</h2>
            <p className="govuk-body">{t(account.disabled ? 'accounts.enableHint' : 'accounts.disableHint')}</p>
            <ChangeButton
              form={form}
              change={account.disabled ? 'enable' : 'disable'}
              label={t(account.disabled ? 'accounts.enable' : 'accounts.disable')}
              warning={!account.disabled}
            />
          </>
        )}
        {account.secondFactor ? (
          <>
            <h2 className="govuk-heading-m">{t('accounts.resetSecondFactor')}</h2>
            <p className="govuk-body">{t('accounts.resetSecondFactorHint')}</p>
            <ChangeButton form={form} change="reset-second-factor" label={t('accounts.resetSecondFactor')} />
          </>
        ) : null}
        {passwords && !own && !account.disabled ? (
          <>
            <h2 className="govuk-heading-m">{t('accounts.resetPassword')}</h2>
            <p className="govuk-body">{t('accounts.resetPasswordHint')}</p>
            <ChangeButton form={form} change="reset-password" label={t('accounts.resetPassword')} />
          </>
        ) : null}
        <p className="govuk-body">
          <a className="govuk-link" href={on.base}>
            {t('accounts.back')}
          </a>
        </p>
      </div>
    </div>
  );
}

/** Invite a person: their email address and role. */
export function AccountInvitePage({
  form,
  passwords,
  on = staffConsole,
}: {
  form: FormProps;
  passwords: boolean;
  on?: AccountConsole;
}) {
  const { t } = useTranslation(on.namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('account-invite.title')}</h1>
        <p className="govuk-body">{t(passwords ? 'account-invite.intro' : 'account-invite.introProvider')}</p>
        <PostForm form={form}>
          <TextField form={form} name="email" label={t('account-invite.email')} type="email" autoComplete="off" />
          <TextField
            form={form}
            name="name"
            label={t('account-invite.name')}
            hint={t('account-invite.nameHint')}
            autoComplete="off"
          />
          <RoleSelect
            form={form}
            value={typeof form.values.role === 'string' ? form.values.role : (on.roles[0] ?? '')}
            on={on}
          />
          <SubmitButton>{t('account-invite.submit')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

/**
 * The one-time link made for a person: emailed to them through GOV.UK Notify (the page says so,
 * and the link is not shown), or shown once for the administrator to send.
 */
export function AccountLinkPage(props: {
  email: string;
  purpose: 'invite' | 'reset';
  link: string | null;
  emailed: boolean;
  expiresAt: string;
  on?: AccountConsole;
}) {
  const { on = staffConsole } = props;
  const { t } = useTranslation(on.namespace);
  const expiresAt = formatDateTime(props.expiresAt);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`account-link.${props.purpose}.title`)}</h1>
        {props.emailed || props.link === null ? (
          <p className="govuk-body">{t('account-link.emailed', { email: props.email, expiresAt })}</p>
        ) : (
          <>
            <p className="govuk-body">{t(`account-link.${props.purpose}.intro`, { email: props.email })}</p>
            <p className="govuk-body">
              <code data-testid="account-link" className="govuk-!-font-size-16">
                {props.link}
              </code>
            </p>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">{t('account-link.warning', { expiresAt })}</strong>
            </div>
          </>
        )}
        <p className="govuk-body">
          <a className="govuk-link" href={on.base}>
            {t('accounts.back')}
          </a>
        </p>
      </div>
    </div>
  );
}

/** Set a password through a one-time link: the password twice. */
export function SetPasswordPage({
  form,
  email,
  purpose,
  namespace = 'staff',
}: {
  form: FormProps;
  email: string;
  purpose: 'invite' | 'reset';
  namespace?: AccountConsole['namespace'];
}) {
  const { t } = useTranslation(namespace);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} focusKey={form.errors.length > 0 ? 1 : 0} />
        <h1 className="govuk-heading-l">{t('set-password.title')}</h1>
        <p className="govuk-body">{t(`set-password.intro.${purpose}`, { email })}</p>
        <PostForm form={form}>
          <input type="hidden" name="token" value={typeof form.values.token === 'string' ? form.values.token : ''} />
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <TextField
            form={{ ...form, values: {} }}
            name="password"
            label={t('set-password.password')}
            hint={t('set-password.hint')}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            form={{ ...form, values: {} }}
            name="confirm"
            label={t('set-password.confirm')}
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton>{t('set-password.submit')}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

/** The account-administration view a console's page model holds, rendered for that console (`on`). */
export function AccountView({
  props,
  on = staffConsole,
}: {
  props: AccountPageProps | SetPasswordProps;
  on?: AccountConsole;
}) {
  switch (props.view) {
    case 'accounts':
      return <AccountsPage accounts={props.accounts} on={on} />;
    case 'account':
      return (
        <AccountPage
          account={props.account}
          form={props.form}
          own={props.own}
          passwords={props.passwords}
          done={props.done}
          on={on}
        />
      );
    case 'account-invite':
      return <AccountInvitePage form={props.form} passwords={props.passwords} on={on} />;
    case 'account-link':
      return (
        <AccountLinkPage
          email={props.email}
          purpose={props.purpose}
          link={props.link}
          emailed={props.emailed}
          expiresAt={props.expiresAt}
          on={on}
        />
      );
    case 'set-password':
      return <SetPasswordPage form={props.form} email={props.email} purpose={props.purpose} namespace={on.namespace} />;
  }
}
