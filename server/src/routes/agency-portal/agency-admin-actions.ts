import type { RotatedWebhookSecret, WebhookSecretStatus } from '@tuo/shared/api/agency-portal';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../agency/api-keys.js';
import { rotateWebhookSecret, webhookSecretState } from '../../agency/webhook-secrets.js';
import { organisationOf } from '../../agency-portal/agency-accounts.js';
import { auditAgencyUser, signedInAgencyUser } from './agency-portal-access.js';

// What agency admins do to their own agency's credentials, for the portal's pages and its JSON
// API alike: each step audited, never with a key or secret in the log.

/** What the admin actions need from configuration. */
export type AgencyAdminConfig = Pick<Config, 'agencies' | 'sessionSecret' | 'agencyPortal'>;

/** The signed-in admin's agency's keys, recorded as seen. */
export async function listKeysAudited(request: FastifyRequest) {
  const keys = await listApiKeys(request.server.db, organisationOf(signedInAgencyUser(request)));
  await auditAgencyUser(request, { action: 'agency.keys.viewed', detail: { count: keys.length } });
  return keys;
}

/** Makes a key for the admin's agency; it is returned once. */
export async function createKeyAudited(request: FastifyRequest, name: string) {
  const created = await createApiKey(request.server.db, organisationOf(signedInAgencyUser(request)), name);
  await auditAgencyUser(request, { action: 'agency.key.created', detail: { keyId: created.id } });
  return { id: created.id, name, key: created.key };
}

/** Revokes one of the admin's agency's keys at once; false when it is not a live key of theirs. */
export async function revokeKeyAudited(request: FastifyRequest, id: string): Promise<boolean> {
  const revoked = await revokeApiKey(request.server.db, id, organisationOf(signedInAgencyUser(request)));
  if (revoked) await auditAgencyUser(request, { action: 'agency.key.revoked', detail: { keyId: id } });
  return revoked;
}

/** The webhook configured for the kind, if any: it belongs to the kind's fallback organisation alone. */
function configuredWebhook(request: FastifyRequest, config: AgencyAdminConfig) {
  const user = signedInAgencyUser(request);
  return user.organisation.fallback ? config.agencies[user.agency].webhook : undefined;
}

/** Whether the organisation takes webhooks and which secrets sign them now. */
export async function webhookStatus(request: FastifyRequest, config: AgencyAdminConfig): Promise<WebhookSecretStatus> {
  const webhook = configuredWebhook(request, config) !== undefined;
  return {
    webhook,
    ...(webhook
      ? await webhookSecretState(request.server.db, organisationOf(signedInAgencyUser(request)))
      : { rotatedAt: null, retiring: [] }),
  };
}

/** Rotates the webhook secret; undefined when the agency takes no webhooks (it reads its inbox). */
export async function rotateSecretAudited(
  request: FastifyRequest,
  config: AgencyAdminConfig,
): Promise<RotatedWebhookSecret | undefined> {
  const configured = configuredWebhook(request, config)?.secret;
  if (!configured) return undefined;
  const rotated = await rotateWebhookSecret(
    request.server.db,
    config.sessionSecret,
    organisationOf(signedInAgencyUser(request)),
    configured,
    config.agencyPortal.webhookSecretGraceMs,
  );
  await auditAgencyUser(request, {
    action: 'agency.webhook-secret.rotated',
    detail: { previousRetiresAt: rotated.previousRetiresAt },
  });
  return rotated;
}
