import { staffRoles } from '@tuo/shared/api/staff-session';
import type { AccountConsole } from '../../../console/account-pages.js';
import { auditStaff, staffActor } from '../staff-access.js';
import { renderStaffPage, staffNav } from './staff-page.js';

/**
 * Account administration in the staff console: staff admins, for customer-centre accounts only
 * (never agency portal ones), at `/staff/accounts`. The pages are the consoles' shared ones.
 */
export const staffAccounts: AccountConsole = {
  access: { staffAccess: 'admin' },
  base: '/staff/accounts',
  setPasswordPath: '/staff/set-password',
  name: 'the Tell Us Once staff console',
  scope: () => ({ roles: staffRoles, organisationId: null }),
  actor: staffActor,
  audit: (request, seen, account) =>
    auditStaff(request, { action: `admin.${seen}`, ...(account ? { detail: { account } } : {}) }),
  render: (request, reply, props) => renderStaffPage(reply, { ...props, nav: staffNav(request) }),
  notFound: (request, reply) =>
    renderStaffPage(reply.code(404), { view: 'message', message: 'not-found', nav: staffNav(request) }),
};
