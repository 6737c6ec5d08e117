import { Webhook } from 'standardwebhooks';
import type { AgencyNotification, DeliveryOutcome, Transport } from '../agency-adapter.js';
import { agencyReferenceFrom } from './agency-reference-answer.js';

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
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return `Could not reach the agency${cause ? ` (${cause})` : ''}`;
}

/** The secrets to sign with now, newest first (two while a rotated-out secret is in its grace period). */
export type SigningSecrets = () => Promise<string[]>;

/** `webhook-signature`: one `v1,…` signature per secret, space-separated, as Standard Webhooks allows. */
export function signatureHeader(secrets: string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}

/**
 * POSTs the notification to the agency's webhook, signed per the Standard Webhooks spec
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`). 2xx is delivered; a timeout, network
 * error, 5xx, 408 or 429 is worth retrying; any other 4xx is a refusal.
 */
export function createWebhookTransport(options: {
  url: string;
  secrets: SigningSecrets;
  timeoutMs: number;
  eventType: string;
}): Transport {
  return {
    kind: 'webhook',
    async send(notification: AgencyNotification): Promise<DeliveryOutcome> {
      const timestamp = new Date();
      const body = JSON.stringify({
        type: options.eventType,
        timestamp: timestamp.toISOString(),
        data: notification.payload,
      });
      let signature: string;
      try {
        signature = signatureHeader(await options.secrets(), notification.messageId, timestamp, body);
      } catch {
        // The secrets live in the database: an outage there passes, like one at the agency.
        return { kind: 'retry', error: 'Could not read the webhook signing secrets' };
      }
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'TellUsOnce-Webhooks/1',
            'webhook-id': notification.messageId,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signature,
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'manual',
        });
      } catch (error) {
        return { kind: 'retry', error: describe(error) };
      }
      const statusCode = response.status;
      if (statusCode >= 200 && statusCode < 300) {
        const agencyReference = await agencyReferenceFrom(response);
        return { kind: 'delivered', statusCode, ...(agencyReference ? { agencyReference } : {}) };
      }
      // Any other answer's body is not needed (and could be large): discard it so the connection can be reused.
      void response.body?.cancel().catch(() => undefined);
      if (statusCode >= 300 && statusCode < 400)
        return {
          kind: 'failed',
          statusCode,
          error: `The agency's webhook redirected (${statusCode}); redirects are not followed: check the webhook URL`,
        };
      if (statusCode >= 500 || statusCode === 408 || statusCode === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        return {
          kind: 'retry',
          statusCode,
          error: `The agency answered ${statusCode}`,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        };
      }
      return { kind: 'failed', statusCode, error: `The agency refused the notification (${statusCode})` };
    },
  };
}
