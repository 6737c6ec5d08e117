import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './test-app.js';

/** A test app listening on a free local port, for browser tests. */
export interface ListeningApp extends TestApp {
  baseUrl: string;
}

/** Starts the real app on its own database and a free port on 127.0.0.1; `options` as for `createTestApp`. */
export async function startListeningApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<ListeningApp> {
  const testApp = await createTestApp(options);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}
