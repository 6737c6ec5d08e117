import { agencyRoles } from '@tuo/shared/api/agency-portal';
import type { AccountConsole } from '../../../console/account-pages.js';
import type { SetPasswordConsole } from '../../../console/set-password-pages.js';
import { agencyUserActor, auditAgencyUser, signedInAgencyUser } from '../agency-portal-access.js';
import { agencyNav, renderAgencyPage, renderNotFound } from './agency-page.js';

/**
 * Account administration in the agency portal: an agency admin, for their own organisation's
 * portal accounts only, at `/agency/users` (another organisation's account, or a staff one, is
 * not found). The pages are the consoles' shared ones.
 */
export const agencyAccounts: AccountConsole = {
  access: { agencyAccess: 'agency-admin' },
  base: '/agency/users',
  setPasswordPath: '/agency/set-password',
  name: 'the Tell Us Once agency portal',
  scope: (request) => {
    const user = signedInAgencyUser(request);
    return { roles: agencyRoles, organisationId: user.organisation.id, kind: user.agency };
  },
  actor: (request) => ({ ...agencyUserActor(request), id: signedInAgencyUser(request).id }),
  audit: (request, seen, account) =>
    auditAgencyUser(request, { action: `agency.${seen}`, ...(account ? { detail: { account } } : {}) }),
  render: (request, reply, props) => renderAgencyPage(reply, { ...props, nav: agencyNav(request) }),
  notFound: renderNotFound,
};

/** Portal users set a password through a one-time link at `/agency/set-password`. */
export const agencySetPassword: SetPasswordConsole = {
  path: '/agency/set-password',
  access: { agencyAccess: 'public' },
  roles: agencyRoles,
  actorType: 'agency-user',
  render: (reply, props) => renderAgencyPage(reply, props),
  message: (reply, message) => renderAgencyPage(reply, { view: 'message', message, nav: null }),
};
