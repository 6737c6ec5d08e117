import { Webhook } from 'standardwebhooks';
import type { AgencyNotification, DeliveryOutcome, Transport } from '../agency-adapter.js';

/** Reads Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'The agency did not answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return `Could not reach the agency${cause ? ` (${cause})` : ''}`;
}

/**
 * POSTs the notification to the agency's webhook, signed per the Standard Webhooks spec
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`). 2xx is delivered; a timeout, network
 * error, 5xx, 408 or 429 is worth retrying; any other 4xx is a refusal.
 */
export function createWebhookTransport(options: { url: string; secret: string; timeoutMs: number; eventType: string }): Transport {
  const signer = new Webhook(options.secret);
  return {
    kind: 'webhook',
    async send(notification: AgencyNotification): Promise<DeliveryOutcome> {
      const timestamp = new Date();
      const body = JSON.stringify({ type: options.eventType, timestamp: timestamp.toISOString(), data: notification.payload });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'TellUsOnce-Webhooks/1',
            'webhook-id': notification.messageId,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': signer.sign(notification.messageId, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'manual',
        });
        // The body is not needed (and could be large): discard it so the connection can be reused.
        void response.body?.cancel().catch(() => undefined);
      } catch (error) {
        return { kind: 'retry', error: describe(error) };
      }
      const statusCode = response.status;
      if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode };
      if (statusCode >= 300 && statusCode < 400) return { kind: 'failed', statusCode, error: `The agency's webhook redirected (${statusCode}); redirects are not followed: check the webhook URL` };
      if (statusCode >= 500 || statusCode === 408 || statusCode === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        return { kind: 'retry', statusCode, error: `The agency answered ${statusCode}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
      }
      return { kind: 'failed', statusCode, error: `The agency refused the notification (${statusCode})` };
    },
  };
}
