import { createServer, type AddressInfo } from 'node:net';

/**
 * A port free on 127.0.0.1 now, for an app whose address a test's OpenID Connect provider must
 * know before the app starts (its redirect URIs).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}
