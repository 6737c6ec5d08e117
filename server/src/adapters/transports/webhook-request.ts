import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

/** An agency's answer to one POST: its status, headers and (unread) body. */
export interface WebhookAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

// Connections to each agency are kept alive between messages, as fetch's would be.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * POSTs `body` to `url` with Node's own HTTP client: `fetch` wraps every message in web streams, a
 * Request and a Response, an AbortController and their transfers, which took a fifth of the
 * worker's time in the steady load's CPU profile. Redirects are never followed; `timeoutMs` covers
 * the whole exchange, the answer's body included.
 */
export function postJson(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<WebhookAnswer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: response });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
