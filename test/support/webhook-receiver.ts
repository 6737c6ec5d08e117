import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { agencyKinds } from '@tuo/shared';
import { agencyEnvName } from '../../server/src/channels/agency-env-names.js';

/**
 * A real HTTP webhook receiver on 127.0.0.1, for tests where the sender is another process that
 * msw cannot reach. It verifies Standard Webhooks signatures, answers after `delayMs` (so a sender
 * can be killed mid-delivery), records every verified webhook-id per agency, and counts what it
 * refused (401: signed with a secret not its own).
 */
export async function startWebhookReceiver(options: { secret: string; delayMs?: number }) {
  const verifier = new Webhook(options.secret);
  const received: {
    agency: string;
    webhookId: string;
    reference: string;
    type: string;
    data: Record<string, unknown>;
  }[] = [];
  let inFlight = 0;
  let rejected = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      try {
        verifier.verify(body, headers);
      } catch {
        rejected += 1;
        response.writeHead(401).end();
        return;
      }
      const agency = (request.url ?? '/').slice(1);
      const parsed = JSON.parse(body) as { type: string; data: { reference: string } & Record<string, unknown> };
      inFlight += 1;
      setTimeout(() => {
        inFlight -= 1;
        received.push({
          agency,
          webhookId: headers['webhook-id'] ?? '',
          reference: parsed.data.reference,
          type: parsed.type,
          data: parsed.data,
        });
        response.writeHead(204).end();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (agency: string) => `http://127.0.0.1:${port}/${agency}`,
    received,
    inFlight: () => inFlight,
    rejected: () => rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Environment settings pointing every kind's webhook at the receiver (`/<kind>`). */
export function webhookEnv(receiver: { url: (agency: string) => string }, secret: string): Record<string, string> {
  return Object.fromEntries(
    agencyKinds.flatMap((agency) => [
      [agencyEnvName(agency, 'WEBHOOK_URL'), receiver.url(agency)],
      [agencyEnvName(agency, 'WEBHOOK_SECRET'), secret],
    ]),
  );
}
