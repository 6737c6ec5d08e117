import { staffRoles } from '@tuo/shared/api/staff-session';
import type { SetPasswordConsole } from '../../../console/set-password-pages.js';
import { renderStaffPage } from './staff-page.js';

/** Staff set a password through a one-time link at `/staff/set-password`. */
export const staffSetPassword: SetPasswordConsole = {
  path: '/staff/set-password',
  access: { staffAccess: 'public' },
  roles: staffRoles,
  actorType: 'staff',
  render: (reply, props) => renderStaffPage(reply, props),
  message: (reply, message) => renderStaffPage(reply, { view: 'message', message, nav: null }),
};
