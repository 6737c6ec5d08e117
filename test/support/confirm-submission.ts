import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';

/**
 * Confirms an online report the way its reporter would through the API, with the code a trial
 * install (tests' configuration: no DATABASE_URL, no Notify key) gives back. Without a code to
 * enter (an assisted report, or no contact given) it does nothing.
 */
export async function confirmByCode(
  app: FastifyInstance,
  created: CreateSubmissionResponse,
  given?: string,
): Promise<void> {
  const code = given ?? created.confirmation?.trialCode;
  if (created.confirmation?.status !== 'awaiting' || !code) return;
  const res = await app.inject({
    method: 'POST',
    url: `/api/submissions/${created.reference}/confirmation`,
    headers: { 'tracking-secret': created.trackingSecret },
    payload: { code },
  });
  if (res.statusCode !== 200) throw new Error(`Confirming ${created.reference} failed: ${res.statusCode} ${res.body}`);
}

/** `POST /api/submissions`, then (when it was accepted and waits for a code) its confirmation: an online report that may be sent. */
export async function submitConfirmed(
  app: FastifyInstance,
  payload: object,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method: 'POST', url: '/api/submissions', payload, headers });
  if (res.statusCode === 201) await confirmByCode(app, res.json<CreateSubmissionResponse>());
  return res;
}
