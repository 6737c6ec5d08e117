import { roleAtLeast, type StaffRole, type StaffUser } from '@tuo/shared/api/staff-session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, type AuditEvent } from '../../audit/audit-log.js';
import { carriesCsrfToken, staffCsrfToken } from '../../console/csrf.js';
import { refuseApiOrSignIn } from '../../console/refusal.js';
import { sendToSecondFactorSetUp } from '../../console/second-factor-gate.js';
import { AppError } from '../../errors.js';
import { findStaffUser } from '../../staff/staff-accounts.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use a staff route: anyone (sign-in), or staff of at least this role. Every staff route must say. */
    staffAccess?: 'public' | StaffRole;
  }
  interface FastifyRequest {
    /** The signed-in staff member, set before the handler of any non-public staff route runs. */
    staff?: StaffUser;
  }
}

/** The OpenAPI security requirement of every signed-in staff route. */
export const staffSecurity = [{ staffSession: [] }];

/** The signed-in staff member (the access hook guarantees one on non-public routes). */
export function signedIn(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new AppError(401, 'unauthenticated', 'Sign in to the staff console first.');
  return request.staff;
}

/** The staff member as an audit actor: who, and from which address. */
export function staffActor(request: FastifyRequest): { type: 'staff'; id: string; address: string } {
  return { type: 'staff', id: signedIn(request).id, address: request.ip };
}

/** Writes an audit line for what the signed-in staff member just did or saw. */
export async function auditStaff(request: FastifyRequest, event: Omit<AuditEvent, 'actor'>): Promise<void> {
  await recordAudit(request.server.db, { ...event, actor: staffActor(request) });
}

async function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: 401 | 403,
  code: string,
  message: string,
): Promise<void> {
  if (await refuseApiOrSignIn(request, reply, { status, code, message }, '/staff/sign-in')) return;
  const nav = request.staff
    ? { user: request.staff, csrfToken: staffCsrfToken(request), assisting: request.session.get('assisting') ?? null }
    : null;
  await reply.code(403).page({
    page: 'staff',
    props: { view: 'message', message: code === 'csrf_failed' ? 'form-expired' : 'forbidden', nav },
  });
}

/**
 * Access control for the staff scope: every route must declare `config.staffAccess`; a route
 * for staff refuses a caller without a live staff session (401) or below the role (403, and
 * audited); every state-changing request must carry this session's token as `_csrf` (forms) or
 * `x-csrf-token` (JSON). The token is checked after the body is parsed and before it is validated.
 */
export function addStaffAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.staffAccess === undefined)
      throw new Error(`Staff route ${route.method.toString()} ${route.url} must declare config.staffAccess`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.staffAccess;
    const staffId = request.session.get('staffId');
    const user = staffId ? await findStaffUser(app.db, staffId) : undefined;
    // Public routes (sign-in, the session) still want to know who is signed in, if anyone.
    if (access === 'public' || access === undefined) {
      request.staff = user;
      return;
    }
    if (!user) {
      // A session whose account was disabled ends here.
      if (staffId) await request.session.destroy();
      await refuse(request, reply, 401, 'unauthenticated', 'Sign in to the staff console first.');
      return;
    }
    request.staff = user;
    if (!roleAtLeast(user.role, access)) {
      await auditStaff(request, {
        action: 'staff.access-refused',
        detail: { route: request.routeOptions.url ?? request.url, method: request.method, needed: access },
      });
      await refuse(request, reply, 403, 'forbidden', `Only a ${access} can do this.`);
      return;
    }
    await sendToSecondFactorSetUp(request, reply, user, '/staff/second-factor');
  });

  app.addHook('preValidation', async (request, reply) => {
    if (carriesCsrfToken(request)) return;
    request.log.info('staff request refused: missing or wrong anti-forgery token');
    await refuse(
      request,
      reply,
      403,
      'csrf_failed',
      'Send this session’s token (from GET /api/staff/session) as the x-csrf-token header.',
    );
  });
}
