import type { AgencyNav, AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffCsrfToken } from '../../../console/csrf.js';
import { signedInAgencyUser } from '../agency-portal-access.js';

/** Who is signed in, for the portal's header and its sign-out form. */
export function agencyNav(request: FastifyRequest): AgencyNav {
  return { user: signedInAgencyUser(request), csrfToken: staffCsrfToken(request) };
}

/** Renders a portal page (its title is the client's, from the view). */
export function renderAgencyPage(reply: FastifyReply, props: AgencyPageProps): Promise<FastifyReply> {
  return reply.page({ page: 'agency', props });
}

/** The "not found" page, for a notification or key that is not this agency's (or is not at all). */
export function renderNotFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  return renderAgencyPage(reply.code(404), {
    view: 'message',
    message: 'not-found',
    nav: agencyNav(request),
  });
}
