import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgencyKind } from '@tuo/shared';

/** Four local webhook receivers (one per agency) that note when each reference arrived. */
export async function startReceivers(agencies: readonly AgencyKind[]) {
  const arrivals = new Map<string, number>();
  let count = 0;
  const servers: Server[] = [];
  const urls: Partial<Record<AgencyKind, string>> = {};
  for (const agency of agencies) {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { reference: string } };
        const key = `${data.reference}/${agency}`;
        if (!arrivals.has(key)) {
          arrivals.set(key, performance.timeOrigin + performance.now());
          count += 1;
        }
        response.writeHead(204).end();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    urls[agency] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
    servers.push(server);
  }
  return {
    urls: urls as Record<AgencyKind, string>,
    arrivals,
    count: () => count,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => {
                resolve();
              });
            }),
        ),
      ),
  };
}
