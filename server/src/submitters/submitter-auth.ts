import type { VerificationCheck } from '@tuo/shared/verification/verification';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { gatheredReads } from '../db/gathered-reads.js';
import { authenticateSubmitterKeys, type SubmitterPrincipal } from './submitter-keys.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The trusted submitter whose bearer key came with the request; undefined for an anonymous one. */
    submitterPrincipal?: SubmitterPrincipal;
  }
}

/**
 * An `onRequest` hook for `POST /api/submissions`: with no Authorization header the request stays
 * anonymous; with one, it must be a live trusted-submitter key, or the request is refused with a
 * 401 (never quietly treated as anonymous). Refusals of a key we know (a revoked one) are audited.
 * The keys of the requests arriving together are looked up in one statement.
 */
export function submitterAuthentication(db: Kysely<Database>) {
  const authenticate = gatheredReads((keys: readonly string[]) => authenticateSubmitterKeys(db, keys));
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const key = /^Bearer ([\x21-\x7e]{1,200})$/i.exec(header)?.[1];
    const result = key ? await authenticate(key) : { refused: 'unknown' as const };
    if ('found' in result) {
      request.submitterPrincipal = result.found;
      return;
    }
    if (result.refused === 'revoked') {
      await recordAudit(db, {
        actor: { type: 'submitter', id: result.keyId, address: request.ip },
        action: 'submitter-key.refused',
        detail: { reason: 'revoked' },
      });
    }
    void reply.header('www-authenticate', 'Bearer realm="tell-us-once-submissions"');
    throw new AppError(
      401,
      'unauthenticated',
      key
        ? 'This trusted-submitter key is not valid or has been revoked. Send no Authorization header to report anonymously.'
        : 'Send a trusted-submitter key as "Authorization: Bearer <key>", or no Authorization header at all.',
    );
  };
}

/** What a trusted submitter's key vouches for about a report it sends. */
export function trustedSubmitterCheck(principal: SubmitterPrincipal, at: Date): VerificationCheck {
  return { kind: 'trusted-submitter', by: principal.name, at: at.toISOString(), level: principal.level };
}
