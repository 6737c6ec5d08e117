import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { connectToEmbedded, startPortal, waitUntilReady } from '../support/portal-process.js';

// The one-process portal as a resident's laptop runs it: embedded Postgres under DATA_DIR.
describe('the one-process portal on embedded Postgres', () => {
  let dataDir: string;
  let port: number;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-lifecycle-'));
    port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops at once with one clear line when PORT is not a number', async () => {
    const portal = startPortal({ DATA_DIR: dataDir, PORT: 'abc' });
    expect(await portal.exited).toBe(1);
    expect(
      portal
        .output()
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('npm warn')),
    ).toEqual(['[tell-us-once] Configuration error: PORT must be a whole number from 1 to 65535 (got "abc").']);
  });

  it('starts, keeps data across a hard kill of its process group, and stops cleanly on Ctrl-C', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const first = startPortal(env);
    await waitUntilReady(baseUrl, first);
    expect(first.output()).toContain('Creating a new database');
    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);

    const client = await connectToEmbedded(dataDir);
    await client.query(`insert into app_meta (key, value) values ('lifecycle-test', 'kept')`);
    await client.end();

    // Power loss: the whole process group, Postgres included, dies at once.
    process.kill(-(first.child.pid ?? 0), 'SIGKILL');
    await first.exited;

    const second = startPortal(env);
    await waitUntilReady(baseUrl, second);
    expect(second.output()).not.toContain('Creating a new database');
    const again = await connectToEmbedded(dataDir);
    const rows = await again.query<{ value: string }>(`select value from app_meta where key = 'lifecycle-test'`);
    await again.end();
    expect(rows.rows).toEqual([{ value: 'kept' }]);

    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-(second.child.pid ?? 0), 'SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('Stopped.');
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
