import type { AgencyPayloadV1, DeliveryRole, SubmissionEnvelopeV1 } from '@tuo/shared';
import type { Logger } from 'pino';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { AgencyAdapter, DeliveryOutcome } from '../adapters/agency-adapter.js';
import { createFileTransport } from '../adapters/transports/file-transport.js';
import { createInboxTransport } from '../adapters/transports/inbox-transport.js';
import { createWebhookTransport } from '../adapters/transports/webhook-transport.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';
import { openOrganisationWebhookSecret } from '../organisations/organisation-webhook.js';
import { decideDelivery } from '../jobs/delivery-decision.js';
import type { RetryPolicy } from '../jobs/retry-delay.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import type { ClaimedDelivery } from './claim-deliveries.js';
import type { AttemptRecord } from './record-outcomes.js';
import { verificationCheckSchema } from '@tuo/shared/verification/verification';
import { z } from 'zod';
import { verificationOf } from '../verification/verification-of.js';

/** The webhook-id of a delivery: the same on every attempt, so the agency can discard repeats. */
export function messageIdFor(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll('-', '')}`;
}

/** The agency's payload, checked against its schema before it leaves: nothing outside its routing rules. */
function payloadFor(
  envelope: SubmissionEnvelopeV1,
  adapter: AgencyAdapter,
  role: DeliveryRole | undefined,
  possibleDuplicateOf: string | null,
  storedChecks: unknown,
): AgencyPayloadV1 | undefined {
  // The envelope was validated when it was written; its version says how to read it.
  const version: number = envelope.schemaVersion;
  if (version !== 1) throw new Error(`Unknown envelope version ${String(version)}`);
  const payload = adapter.toPayload(envelope, role);
  if (!payload) return undefined;
  // How far the report was checked (one rule, shared/src/verification), with its checks and channel.
  const verification = verificationOf(z.array(verificationCheckSchema).parse(storedChecks), envelope.channel);
  return adapter.payloadSchema(envelope.lifeEvent, role).parse({
    ...payload,
    ...(possibleDuplicateOf ? { possibleDuplicateOf } : {}),
    ...(verification ? { verification } : {}),
  });
}

/** The adapter as it serves an organisation told through its inbox (the pull API or agency portal). */
function inboxOnly(adapter: AgencyAdapter): AgencyAdapter {
  const inbox = createInboxTransport();
  return { ...adapter, transport: inbox.kind, deliver: (notification) => inbox.send(notification) };
}

/** The adapter as it serves an organisation told by its own scheduled file: held for its next run. */
function ownFile(adapter: AgencyAdapter): AgencyAdapter {
  const file = createFileTransport();
  return {
    ...adapter,
    transport: file.kind,
    deliver: (notification) => file.send(notification),
    sendEvent: (event) => file.sendEvent(event),
  };
}

/** How an organisation's own webhook is signed: its sealed secret opened, and its rotations. */
export interface OrganisationWebhooks {
  sealingSecret: string;
  timeoutMs: number;
  /** The secrets to sign with now, given the organisation's own (see agency/webhook-secrets.ts). */
  signingSecrets: (organisation: OrganisationScope, own: string) => Promise<string[]>;
}

/** The adapter as it serves an organisation with a webhook of its own: pushed there, signed with its secrets. */
function ownWebhook(
  adapter: AgencyAdapter,
  claimed: ClaimedDelivery & { webhook_url: string; webhook_secret_sealed: string },
  webhooks: OrganisationWebhooks,
): AgencyAdapter {
  const organisation = { id: claimed.organisation_id, kind: claimed.agency };
  const webhook = createWebhookTransport({
    url: claimed.webhook_url,
    timeoutMs: webhooks.timeoutMs,
    eventType: adapter.eventType,
    secrets: () => {
      const own = openOrganisationWebhookSecret(webhooks.sealingSecret, organisation.id, claimed.webhook_secret_sealed);
      // Sealed under another SESSION_SECRET: the attempt waits (and retries) until an admin sets the secret again.
      if (own === undefined) throw new Error('The organisation’s webhook secret cannot be opened');
      return webhooks.signingSecrets(organisation, own);
    },
  });
  return { ...adapter, transport: webhook.kind, deliver: (notification) => webhook.send(notification) };
}

/**
 * Which way this attempt goes: the primary channel an admin chose for the organisation (its own
 * webhook, its own scheduled file, or its inbox for the pull API or portal); without a choice, its
 * own webhook if it has one, the kind's configured channel for its fallback, else its inbox.
 */
function adapterFor(
  adapters: AdapterRegistry,
  claimed: ClaimedDelivery,
  webhooks: OrganisationWebhooks,
): AgencyAdapter {
  const adapter = adapters[claimed.agency];
  const { webhook_url: url, webhook_secret_sealed: sealed } = claimed;
  const chosen = claimed.primary_channel ?? (url !== null ? 'webhook' : null);
  if (chosen === 'webhook' && url !== null && sealed !== null)
    return ownWebhook(adapter, { ...claimed, webhook_url: url, webhook_secret_sealed: sealed }, webhooks);
  if (chosen === 'file') return ownFile(adapter);
  if (chosen !== null) return inboxOnly(adapter);
  return claimed.fallback ? adapter : inboxOnly(adapter);
}

/** Makes one claimed attempt: builds the agency's payload, hands it over, and decides what follows. */
export function createAttempt(deps: {
  adapters: AdapterRegistry;
  privacy: ProtectedValues;
  policy: RetryPolicy & { maxAttempts: number };
  logger: Pick<Logger, 'error'>;
  webhooks: OrganisationWebhooks;
}) {
  const { adapters, privacy, policy, logger } = deps;
  return async (claimed: ClaimedDelivery): Promise<AttemptRecord> => {
    const adapter = adapterFor(adapters, claimed, deps.webhooks);
    const started = new Date();
    let outcome: DeliveryOutcome;
    let payload: AgencyPayloadV1 | undefined;
    try {
      // Erased early (a staff retry after erasure): there is nothing left to send, and nothing must be.
      payload = claimed.erased
        ? undefined
        : payloadFor(
            privacy.openEnvelope(claimed.envelope),
            adapter,
            claimed.role ?? undefined,
            claimed.possible_duplicate_of,
            claimed.checks,
          );
      outcome = claimed.erased
        ? { kind: 'failed', error: "The resident's personal data was erased before it could be sent" }
        : payload
          ? await adapter.deliver({ messageId: messageIdFor(claimed.id), payload })
          : { kind: 'failed', error: 'The resident did not agree to tell this agency, or it is not relevant' };
    } catch (error) {
      // A payload that cannot be built will not build next time either: fail it where staff can see it.
      logger.error(
        `delivery ${claimed.id}: ${error instanceof Error ? error.name : 'error'} while preparing the payload`,
      );
      payload = undefined;
      outcome = { kind: 'failed', error: 'The notification could not be prepared for this agency' };
    }
    const finished = new Date();
    return {
      deliveryId: claimed.id,
      attempt: claimed.attempt,
      claim: claimed.claim,
      transport: adapter.transport,
      decision: decideDelivery(outcome, claimed.attempt, { policy, transport: adapter.transport, finished }),
      outcome,
      sealedPayload: payload ? privacy.sealPayload(payload) : null,
      started,
      finished,
    };
  };
}
