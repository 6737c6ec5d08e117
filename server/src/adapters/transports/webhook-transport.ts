import { Webhook } from 'standardwebhooks';
import type { AgencyEvent, AgencyNotification, DeliveryOutcome, Transport } from '../agency-adapter.js';
import { agencyReferenceFrom } from './agency-reference-answer.js';
import { postJson, type WebhookAnswer } from './webhook-request.js';

/** Reads Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'The agency did not answer in time';
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause : error).message : '';
  return `Could not reach the agency${reason ? ` (${reason})` : ''}`;
}

/** The secrets to sign with now, newest first (two while a rotated-out secret is in its grace period). */
export type SigningSecrets = () => Promise<string[]>;

/** `webhook-signature`: one `v1,…` signature per secret, space-separated, as Standard Webhooks allows. */
export function signatureHeader(secrets: string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}

/** Where and how to push: the agency's URL, its current signing secrets, and how long to wait. */
export interface WebhookTarget {
  url: string;
  secrets: SigningSecrets;
  timeoutMs: number;
}

/**
 * POSTs one Standard Webhooks message (`{ type, timestamp, data }`) to the agency, signed
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`). 2xx is delivered; a timeout, network
 * error, 5xx, 408 or 429 is worth retrying; any other 4xx is a refusal. Notifications and events
 * about them (withdrawn, corrected) all leave through here.
 */
export async function postWebhook(
  target: WebhookTarget,
  message: { messageId: string; type: string; data: unknown },
): Promise<DeliveryOutcome> {
  const timestamp = new Date();
  const body = JSON.stringify({ type: message.type, timestamp: timestamp.toISOString(), data: message.data });
  let signature: string;
  try {
    signature = signatureHeader(await target.secrets(), message.messageId, timestamp, body);
  } catch {
    // The secrets live in the database: an outage there passes, like one at the agency.
    return { kind: 'retry', error: 'Could not read the webhook signing secrets' };
  }
  let response: WebhookAnswer;
  try {
    response = await postJson(
      target.url,
      {
        'content-type': 'application/json',
        'user-agent': 'TellUsOnce-Webhooks/1',
        'webhook-id': message.messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      target.timeoutMs,
    );
  } catch (error) {
    return { kind: 'retry', error: describe(error) };
  }
  const { statusCode } = response;
  if (statusCode >= 200 && statusCode < 300) {
    // A 2xx answer may carry the agency's own case reference, `{"reference": …}`.
    const agencyReference = await agencyReferenceFrom(response);
    return { kind: 'delivered', statusCode, ...(agencyReference ? { agencyReference } : {}) };
  }
  // Any other answer's body is not needed (and could be large): discard it so the connection can be reused.
  response.body.resume();
  if (statusCode >= 300 && statusCode < 400)
    return {
      kind: 'failed',
      statusCode,
      error: `The agency's webhook redirected (${statusCode}); redirects are not followed: check the webhook URL`,
    };
  if (statusCode >= 500 || statusCode === 408 || statusCode === 429) {
    const retryAfter = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null);
    return {
      kind: 'retry',
      statusCode,
      error: `The agency answered ${statusCode}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return { kind: 'failed', statusCode, error: `The agency refused the notification (${statusCode})` };
}

/** Pushes notifications (as `eventType`) and events about them to the agency's webhook (see {@link postWebhook}). */
export function createWebhookTransport(options: WebhookTarget & { eventType: string }): Transport {
  return {
    kind: 'webhook',
    send: (notification: AgencyNotification) =>
      postWebhook(options, { messageId: notification.messageId, type: options.eventType, data: notification.payload }),
    sendEvent: (event: AgencyEvent) => postWebhook(options, event),
  };
}
