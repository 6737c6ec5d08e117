import {
  getJourney,
  unplacedAddressNotes,
  type AgencyPayloadV1,
  type DeliveryRole,
  type SubmissionEnvelopeV1,
} from '@tuo/shared';
import type { Logger } from 'pino';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { AgencyAdapter, DeliveryOutcome } from '../adapters/agency-adapter.js';
import { decideDelivery } from '../jobs/delivery-decision.js';
import type { RetryPolicy } from '../jobs/retry-delay.js';
import type { ProtectedValues } from '../privacy/protected-values.js';
import type { ClaimedDelivery } from './claim-deliveries.js';
import { organisationAdapter, type OrganisationWebhooks } from './organisation-adapter.js';
import type { AttemptRecord } from './record-outcomes.js';
import { verificationCheckSchema } from '@tuo/shared/verification/verification';
import { z } from 'zod';
import { verificationOf } from '../verification/verification-of.js';

/** The webhook-id of a delivery: the same on every attempt, so the agency can discard repeats. */
export function messageIdFor(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll('-', '')}`;
}

/**
 * Whether the delivery goes to the council team (the council kind's fallback organisation): it is
 * told only what no council's area could be found for (an address typed by hand or outside every
 * council, or one the resident said is not listed), so its notification says so.
 */
function toCouncilTeam(claimed: ClaimedDelivery): boolean {
  return claimed.agency === 'council' && claimed.fallback;
}

/** The agency's payload, checked against its schema before it leaves: nothing outside its routing rules. */
function payloadFor(
  envelope: SubmissionEnvelopeV1,
  adapter: AgencyAdapter,
  role: DeliveryRole | undefined,
  possibleDuplicateOf: string | null,
  storedChecks: unknown,
  councilTeam: boolean,
): AgencyPayloadV1 | undefined {
  // The envelope was validated when it was written; its version says how to read it.
  const version: number = envelope.schemaVersion;
  if (version !== 1) throw new Error(`Unknown envelope version ${String(version)}`);
  const payload = adapter.toPayload(envelope, role);
  if (!payload) return undefined;
  // How far the report was checked (one rule, shared/src/verification), with its checks and channel.
  const verification = verificationOf(z.array(verificationCheckSchema).parse(storedChecks), envelope.channel);
  const unplaced = councilTeam ? unplacedAddressNotes(getJourney(envelope.lifeEvent), payload.answers, role) : [];
  return adapter.payloadSchema(envelope.lifeEvent, role).parse({
    ...payload,
    ...(possibleDuplicateOf ? { possibleDuplicateOf } : {}),
    ...(verification ? { verification } : {}),
    ...(unplaced.length > 0 ? { unplacedAddresses: unplaced } : {}),
  });
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
  // Each stored envelope opened once, however many of its report's deliveries were claimed with it
  // (a death's four share one object: claim-deliveries.ts); kept only while its claimed rows are.
  const opened = new WeakMap<object, SubmissionEnvelopeV1>();
  const openEnvelope = (stored: unknown) => {
    if (typeof stored !== 'object' || stored === null) return privacy.openEnvelope(stored);
    let envelope = opened.get(stored);
    if (!envelope) opened.set(stored, (envelope = privacy.openEnvelope(stored)));
    return envelope;
  };
  return async (claimed: ClaimedDelivery): Promise<AttemptRecord> => {
    const adapter = organisationAdapter(adapters, claimed, deps.webhooks);
    const started = new Date();
    let outcome: DeliveryOutcome;
    let payload: AgencyPayloadV1 | undefined;
    try {
      // Erased early (a staff retry after erasure): there is nothing left to send, and nothing must be.
      payload = claimed.erased
        ? undefined
        : payloadFor(
            openEnvelope(claimed.envelope),
            adapter,
            claimed.role ?? undefined,
            claimed.possible_duplicate_of,
            claimed.checks,
            toCouncilTeam(claimed),
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
