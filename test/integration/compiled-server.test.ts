import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { startCompiled, waitUntilReady, type PortalProcess } from '../support/portal-process.js';
import { testProtectedDataKeys } from '../support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Production runs the compiled server (`npm run build` makes server/dist) with node and no TypeScript loader.
describe('the compiled server, as start:api and start:worker run it', () => {
  let database: TestDatabase;
  const started: PortalProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const portal of started) if (portal.child.exitCode === null) process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
    await database.drop();
  });

  it('finds its migrations (already applied from the sources, by the same names) and its pages, and stops cleanly', async () => {
    expect(existsSync('server/dist/server.js'), 'run `npm run build` first').toBe(true);
    const env = {
      DATABASE_URL: database.url,
      SESSION_SECRET: 'compiled-test-session-secret-0123456789abcdef',
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
    };
    const apiPort = await findFreePort();
    const workerPort = await findFreePort();
    const api = startCompiled('server/dist/server.js', { ...env, PORT: String(apiPort) });
    const worker = startCompiled('server/dist/worker.js', { ...env, PORT: String(workerPort) });
    started.push(api, worker);
    await waitUntilReady(`http://127.0.0.1:${String(apiPort)}`, api);
    await waitUntilReady(`http://127.0.0.1:${String(workerPort)}`, worker);

    const page = await fetch(`http://127.0.0.1:${String(apiPort)}/start`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1');

    for (const portal of [api, worker]) {
      process.kill(-(portal.child.pid ?? 0), 'SIGTERM');
      expect(await portal.exited).toBe(0);
      expect(portal.output()).toContain('Stopped.');
    }
  }, 120_000);
});
