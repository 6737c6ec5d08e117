import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
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

  // Only root hands Postgres to another user; anyone else runs it as themselves.
  it.runIf(process.getuid?.() === 0)(
    'run as root with DATA_DIR in a folder the database user cannot enter, stops with one line saying so',
    async () => {
      const locked = await mkdtemp(path.join(os.tmpdir(), 'tuo-locked-'));
      await chmod(locked, 0o700);
      try {
        const portal = startPortal({ DATA_DIR: path.join(locked, 'data'), PORT: String(port) });
        expect(await portal.exited).toBe(1);
        const lines = portal
          .output()
          .trim()
          .split('\n')
          .filter((line) => !line.startsWith('npm warn') && !line.includes('first start only'));
        expect(lines).toEqual([
          `[tell-us-once] DATA_DIR (${path.join(locked, 'data')}) is inside ${locked}, which the database user "postgres" cannot enter: running as root, the embedded Postgres runs as that user, so it needs search (x) permission on every folder down to DATA_DIR. Set DATA_DIR to a folder outside ${locked}, allow it (chmod o+x ${locked}), or run as a normal user.`,
        ]);
      } finally {
        await rm(locked, { recursive: true, force: true });
      }
    },
    60_000,
  );

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
