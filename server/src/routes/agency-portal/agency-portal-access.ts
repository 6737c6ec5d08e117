import { agencyRoleAtLeast, type AgencyRole, type AgencyUser } from '@tuo/shared/api/agency-portal';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { recordAudit, type Actor, type AuditEvent } from '../../audit/audit-log.js';
import { findAgencyUser } from '../../agency-portal/agency-accounts.js';
import { carriesCsrfToken, staffCsrfToken } from '../../console/csrf.js';
import { refuseApiOrSignIn } from '../../console/refusal.js';
import { sendToSecondFactorSetUp } from '../../console/second-factor-gate.js';
import { AppError } from '../../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use an agency portal route: anyone (sign-in), or agency users of at least this role. Every portal route must say. */
    agencyAccess?: 'public' | AgencyRole;
  }
  interface FastifyRequest {
    /** The signed-in agency user, set before the handler of any non-public portal route runs. */
    agencyUser?: AgencyUser;
  }
}

/** The OpenAPI security requirement of every signed-in agency portal route. */
export const agencySessionSecurity = [{ agencySession: [] }];

/** The signed-in agency user (the access hook guarantees one on non-public routes). */
export function signedInAgencyUser(request: FastifyRequest): AgencyUser {
  if (!request.agencyUser) throw new AppError(401, 'unauthenticated', 'Sign in to the agency portal first.');
  return request.agencyUser;
}

/** The agency user as an audit actor: who, and from which address. */
export function agencyUserActor(request: FastifyRequest): Actor {
  return { type: 'agency-user', id: signedInAgencyUser(request).id, address: request.ip };
}

/** Writes an audit line for what the signed-in agency user just did or saw; the agency is always named. */
export async function auditAgencyUser(request: FastifyRequest, event: Omit<AuditEvent, 'actor'>): Promise<void> {
  await recordAudit(request.server.db, {
    ...event,
    actor: agencyUserActor(request),
    detail: {
      agency: signedInAgencyUser(request).agency,
      organisationId: signedInAgencyUser(request).organisation.id,
      ...event.detail,
    },
  });
}

/** Audits a look at one notification, against its submission, and only if it is this organisation's. */
export async function auditNotificationViewed(request: FastifyRequest, deliveryId: string): Promise<void> {
  const actor = agencyUserActor(request);
  const { agency, organisation } = signedInAgencyUser(request);
  await sql`
    insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
    select ${actor.type}, ${actor.id ?? null}, ${actor.address ?? null}, 'agency.notification.viewed', submission_id, ${JSON.stringify({ agency, organisationId: organisation.id, deliveryId })}::jsonb
    from deliveries where id = ${deliveryId} and organisation_id = ${organisation.id}
  `.execute(request.server.db);
}

async function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: 401 | 403,
  code: string,
  message: string,
): Promise<void> {
  if (await refuseApiOrSignIn(request, reply, { status, code, message }, '/agency/sign-in')) return;
  const nav = request.agencyUser ? { user: request.agencyUser, csrfToken: staffCsrfToken(request) } : null;
  const expired = code === 'csrf_failed';
  await reply.code(403).page({
    page: 'agency',
    props: { view: 'message', message: expired ? 'form-expired' : 'forbidden', nav },
  });
}

/**
 * Access control for the agency portal's scope, as for the staff console: every route declares
 * `config.agencyAccess`; a protected route refuses a caller without a live agency session (401) or
 * below the role (403, audited); customer-centre accounts never pass, whatever cookie they bring.
 * Every state-changing request must carry the session's token as `_csrf` or `x-csrf-token`.
 */
export function addAgencyAccessControl(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.agencyAccess === undefined)
      throw new Error(`Agency portal route ${route.method.toString()} ${route.url} must declare config.agencyAccess`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.agencyAccess;
    const accountId = request.session.get('staffId');
    const user = accountId ? await findAgencyUser(app.db, accountId) : undefined;
    if (access === 'public' || access === undefined) {
      request.agencyUser = user;
      return;
    }
    if (!user) {
      // A disabled account's session, or a staff session presented here, ends now.
      if (accountId) await request.session.destroy();
      await refuse(request, reply, 401, 'unauthenticated', 'Sign in to the agency portal first.');
      return;
    }
    request.agencyUser = user;
    if (!agencyRoleAtLeast(user.role, access)) {
      await auditAgencyUser(request, {
        action: 'agency.access-refused',
        detail: { route: request.routeOptions.url ?? request.url, method: request.method, needed: access },
      });
      await refuse(request, reply, 403, 'forbidden', `Only an ${access} can do this.`);
      return;
    }
    await sendToSecondFactorSetUp(request, reply, user, '/agency/second-factor');
  });

  app.addHook('preValidation', async (request, reply) => {
    if (carriesCsrfToken(request)) return;
    request.log.info('agency portal request refused: missing or wrong anti-forgery token');
    await refuse(
      request,
      reply,
      403,
      'csrf_failed',
      'Send this session’s token (from GET /api/agency-portal/session) as the x-csrf-token header.',
    );
  });
}
