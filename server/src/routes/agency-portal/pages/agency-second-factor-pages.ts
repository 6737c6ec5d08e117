import { agencySignInKind } from '../../../agency-portal/agency-sign-in.js';
import { secondFactorPages } from '../../../console/second-factor-pages.js';
import { agencyUserActor, signedInAgencyUser } from '../agency-portal-access.js';
import { agencyNav, renderAgencyPage } from './agency-page.js';

/** The agency portal's second factor: the code step of signing in, and setting up an authenticator app. */
export function agencySecondFactorPages(sealingSecret: string) {
  return secondFactorPages({
    base: '/agency',
    home: '/agency/notifications',
    access: (who) => ({ agencyAccess: who === 'public' ? 'public' : 'agency-user' }),
    kind: (request) => agencySignInKind(request, sealingSecret),
    signedIn: signedInAgencyUser,
    actor: agencyUserActor,
    render: (request, reply, view) =>
      renderAgencyPage(reply, view.view === 'second-factor' ? view : { ...view, nav: agencyNav(request) }),
  });
}
