import type { StaffNav, StaffPageProps } from '@tuo/shared/pages/staff-page-model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffCsrfToken } from '../../../console/csrf.js';
import { signedIn } from '../staff-access.js';

/** Who is signed in, for the console's header and its sign-out forms. */
export function staffNav(request: FastifyRequest): StaffNav {
  return {
    user: signedIn(request),
    csrfToken: staffCsrfToken(request),
    assisting: request.session.get('assisting') ?? null,
  };
}

/** Renders a console page (its title is the client's, from the view). */
export function renderStaffPage(reply: FastifyReply, props: StaffPageProps): Promise<FastifyReply> {
  return reply.page({ page: 'staff', props });
}
