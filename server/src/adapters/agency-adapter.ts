import type { AgencyKind, AgencyPayloadV1, DeliveryRole, LifeEventId, SubmissionEnvelopeV1 } from '@tuo/shared';
import type { z } from 'zod';
import type { DeliveryTransport } from '@tuo/shared/api/staff-submissions';
import type { FileColumnLabels } from '../channels/file/agency-file.js';
import type { FileChannelSettings } from '../channels/file-channel-settings.js';

/** What one hand-over to an agency came to. */
export type DeliveryOutcome =
  /** Accepted; a webhook may answer with the agency's own case reference. */
  | { kind: 'delivered'; statusCode?: number; agencyReference?: string }
  /** Worth trying again later: a timeout, a 5xx, 408 or 429 (with the agency's Retry-After, if it sent one). */
  | { kind: 'retry'; statusCode?: number; error: string; retryAfterMs?: number }
  /** Trying again will not help: the agency refused it (another 4xx), with the reason recorded. */
  | { kind: 'failed'; statusCode?: number; error: string }
  /** Kept for the agency's next scheduled file, which delivers it (see channels/file). */
  | { kind: 'held'; statusCode?: undefined; detail: string };

/** One notification on its way to an agency. */
export interface AgencyNotification {
  /** Stable across every retry of this delivery, so the agency can discard repeats. */
  messageId: string;
  payload: AgencyPayloadV1;
}

/**
 * Something that happened to a notification the agency already has (withdrawn, corrected):
 * `type` is `{agency}.notification.{what}`, and `data.id` the notification's own id.
 */
export interface AgencyEvent {
  /** Stable across every retry of this event (and never a notification's), so the agency can discard repeats. */
  messageId: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * How a notification reaches the agency: pushed to its webhook, left in its inbox to be pulled,
 * or held for its next scheduled file.
 */
export interface Transport {
  readonly kind: DeliveryTransport;
  send(notification: AgencyNotification): Promise<DeliveryOutcome>;
  /** Pushes an event signed like a notification; an inbox has nothing to push (it shows the change when read). */
  sendEvent(event: AgencyEvent): Promise<DeliveryOutcome>;
}

/**
 * Everything the portal knows about telling one kind of organisation. The registry is derived from
 * the kind ids (`adapter-registry.ts`: the routed adapter for each kind); a folder per kind under
 * `adapters/` holds only what really differs by kind (today the words of its files' columns, in
 * `file-columns.ts`'s `Record<AgencyKind, …>`, so a kind without them is a compile error).
 * Adapters get their settings from a factory and never read the environment.
 */
export interface AgencyAdapter {
  /** The agency's stable id, as used in the API, configuration names and payloads. */
  readonly id: AgencyKind;
  /** The `type` of webhook events sent to this agency, e.g. `council.notification.created`. */
  readonly eventType: string;
  /**
   * The agency's payload for a submission: only the fields its routing rules give it (in the
   * delivery's role, when a move tells two of the kind: the old council's part, the new one's).
   * `undefined` when the agency must not be told (not relevant, or the resident did not agree).
   */
  toPayload(envelope: SubmissionEnvelopeV1, role?: DeliveryRole): AgencyPayloadV1 | undefined;
  /** The exact shape this agency may receive for a life event, in a role (strict: no field outside its routing rules). */
  payloadSchema(lifeEvent: LifeEventId, role?: DeliveryRole): z.ZodType<AgencyPayloadV1>;
  /** Hands the payload over by the agency's transport. Never throws for the agency's answers. */
  deliver(notification: AgencyNotification): Promise<DeliveryOutcome>;
  /** Sends an event about a notification already delivered, by the same transport, signed the same way. */
  sendEvent(event: AgencyEvent): Promise<DeliveryOutcome>;
  /** Which transport this adapter was configured with. */
  readonly transport: Transport['kind'];
  /** The words of the fixed columns in this kind's scheduled files (its back offices' own terms). */
  readonly fileColumns: FileColumnLabels;
}

/** The settings one adapter is created with. */
export interface AgencyAdapterSettings {
  webhook?: { url: string; secret: string };
  /**
   * The secrets to sign webhooks with now, given the configured one (which is all there is until
   * an agency admin rotates it). Without this, the configured secret alone signs.
   */
  signingSecrets?: (configured: string) => Promise<string[]>;
  timeoutMs: number;
  /** A scheduled file instead of a webhook: notifications wait for the next file run. */
  file?: FileChannelSettings;
}
