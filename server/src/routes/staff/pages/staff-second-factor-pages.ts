import { secondFactorPages } from '../../../console/second-factor-pages.js';
import { staffSignInKind } from '../../../staff/sign-in.js';
import { signedIn, staffActor } from '../staff-access.js';
import { renderStaffPage, staffNav } from './staff-page.js';

/** The staff console's second factor: the code step of signing in, and setting up an authenticator app. */
export function staffSecondFactorPages(sealingSecret: string) {
  return secondFactorPages({
    base: '/staff',
    home: '/staff/dashboard',
    access: (who) => ({ staffAccess: who === 'public' ? 'public' : 'adviser' }),
    kind: (request) => staffSignInKind(request, sealingSecret),
    signedIn,
    actor: staffActor,
    render: (request, reply, view) =>
      renderStaffPage(reply, view.view === 'second-factor' ? view : { ...view, nav: staffNav(request) }),
  });
}
