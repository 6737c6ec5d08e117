import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.js';

/** A test app listening on a free local port, for browser tests. */
export interface ListeningApp extends TestApp {
  baseUrl: string;
}

/**
 * Starts the real app on its own database and a free port on 127.0.0.1 (or `port`, when its
 * address must be known first); other options as for `createTestApp`.
 */
export async function startListeningApp(
  options: Parameters<typeof createTestApp>[0] & { port?: number } = {},
): Promise<ListeningApp> {
  const { port: given = 0, ...rest } = options;
  const testApp = await createTestApp(rest);
  await testApp.app.listen({ port: given, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}
