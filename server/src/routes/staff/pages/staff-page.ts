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

/** Renders a console page; the title is marked when the page shows errors, as on resident pages. */
export function renderStaffPage(reply: FastifyReply, title: string, props: StaffPageProps): Promise<FastifyReply> {
  const errors = 'form' in props ? props.form.errors.length : 0;
  return reply.page({ page: 'staff', title: errors > 0 ? `Error: ${title}` : title, props });
}
