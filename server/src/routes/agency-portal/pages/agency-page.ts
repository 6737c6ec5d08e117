import type { AgencyNav, AgencyPageProps } from '@tuo/shared/pages/agency-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffCsrfToken } from '../../../console/csrf.js';
import { signedInAgencyUser } from '../agency-portal-access.js';

/** Who is signed in, for the portal's header and its sign-out form. */
export function agencyNav(request: FastifyRequest): AgencyNav {
  return { user: signedInAgencyUser(request), csrfToken: staffCsrfToken(request) };
}

/** Renders a portal page; the title is marked when the page shows errors, as everywhere else. */
export function renderAgencyPage(reply: FastifyReply, title: string, props: AgencyPageProps): Promise<FastifyReply> {
  const errors = 'form' in props ? props.form.errors.length : 0;
  return reply.page({ page: 'agency', title: errors > 0 ? `Error: ${title}` : title, props });
}

/** The "not found" page, for a notification or key that is not this agency's (or is not at all). */
export function renderNotFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  return renderAgencyPage(reply.code(404), 'Page not found', {
    view: 'message',
    message: 'not-found',
    nav: agencyNav(request),
  });
}
