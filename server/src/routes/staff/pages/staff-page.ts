import type { StaffNav, StaffPageProps } from '@tuo/shared/pages/staff-page-model';
import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedIn, staffCsrfToken } from '../staff-access.js';

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

/** A posted text field: one string, or empty. */
export function text(form: PostedForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Posted or queried values, minus the anti-forgery token, to show back in the form. */
export function formValues(form: PostedForm): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(form)) if (name !== '_csrf' && value !== undefined) values[name] = value;
  return values;
}
