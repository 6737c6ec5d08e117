import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the stub took, as GOV.UK Notify's API would have: to whom, and its personalisation. */
export interface StubbedMessage {
  type: 'email' | 'sms';
  to: string;
  personalisation: Record<string, string>;
}

/**
 * A Notify-compatible stub on loopback, for a portal running in another process (where msw cannot
 * reach): point NOTIFY_BASE_URL at it. It answers the two send endpoints as Notify does (201 with a
 * notification id) and keeps what it was sent, so a test can read a confirmation code from the email.
 */
export async function startNotifyStub() {
  const received: StubbedMessage[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const type =
        request.url === '/v2/notifications/email' ? 'email' : request.url === '/v2/notifications/sms' ? 'sms' : null;
      if (request.method !== 'POST' || !type || !request.headers.authorization?.startsWith('Bearer ')) {
        response.writeHead(type ? 403 : 404, { 'content-type': 'application/json' }).end('{"status_code":403}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        email_address?: string;
        phone_number?: string;
        personalisation?: Record<string, string>;
        template_id: string;
      };
      received.push({
        type,
        to: body.email_address ?? body.phone_number ?? '',
        personalisation: body.personalisation ?? {},
      });
      response.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: randomUUID(),
          reference: null,
          content: {},
          uri: '',
          template: { id: body.template_id, version: 1, uri: '' },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
