import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import {
  connectToEmbedded,
  postmasterPid,
  runCommand,
  startPortal,
  waitUntilReady,
  type PortalProcess,
} from '../support/portal-process.js';

const staffCreate = 'server/src/staff/staff-create-cli.ts';

async function readiness(baseUrl: string): Promise<number> {
  return fetch(`${baseUrl}/readyz`).then(
    (response) => response.status,
    () => 0,
  );
}

// The README's account commands, run beside `npm start` on the same DATA_DIR, and a database that dies.
describe('the embedded database shared by the portal and the command-line tools', () => {
  let dataDir: string;
  let baseUrl: string;
  let env: Record<string, string>;
  let portal: PortalProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-shared-db-'));
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${String(port)}`;
    env = { DATA_DIR: dataDir, PORT: String(port) };
  });
  afterAll(async () => {
    if (portal?.child.exitCode === null) {
      process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
      await portal.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('agency:key without its arguments prints how to use it, not a validation array', async () => {
    for (const args of [[], ['--agency', 'nobody'], ['--agency']]) {
      const result = await runCommand('server/src/agency/agency-key-cli.ts', args, { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^Usage: npm run agency:key -- --agency council\|.* \[--name <what will use it>\]$/);
      expect(lines.slice(1).every((line) => line.startsWith('   or: npm run agency:key -- --'))).toBe(true);
      expect(lines.at(-1)).toBe('   or: npm run agency:key -- --revoke <key id>');
      expect(result.stdout).toBe('');
    }
  });

  it('submitter:key without a name and a level prints how to use it', async () => {
    for (const args of [
      [],
      ['--name', 'Register office'],
      ['--name', 'Register office', '--level', 'top'],
      ['--list', '--revoke', 'x'],
    ]) {
      const result = await runCommand('server/src/submitters/submitter-key-cli.ts', args, { DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        'Usage: npm run submitter:key -- --name <partner system> --level low|medium|high',
        '   or: npm run submitter:key -- --revoke <key id>',
        '   or: npm run submitter:key -- --list',
      ]);
      expect(result.stdout).toBe('');
    }
  });

  it('with no portal running, a command starts the database for itself and stops it after', async () => {
    const result = await runCommand(staffCreate, ['--email', 'first.admin@council.example', '--role', 'admin'], {
      DATA_DIR: dataDir,
    });
    expect(result.stderr).toContain(`No database is running in ${dataDir}: starting the embedded one`);
    expect(result.stdout).toContain('Created admin first.admin@council.example');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('with the portal running, a command uses its database and leaves it running and ready', async () => {
    portal = startPortal(env);
    await waitUntilReady(baseUrl, portal);
    const before = postmasterPid(dataDir);

    const result = await runCommand(staffCreate, ['--email', 'second.admin@council.example', '--role', 'admin'], {
      DATA_DIR: dataDir,
    });
    expect(result.stderr).toContain(`Using the embedded database already running in ${dataDir}`);
    expect(result.stdout).toContain('Created admin second.admin@council.example');
    expect(result.code).toBe(0);

    // Some seconds on, the portal still has its database, and the account is in it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await readiness(baseUrl)).toBe(200);
    expect(postmasterPid(dataDir)).toBe(before);
    const client = await connectToEmbedded(dataDir);
    const rows = await client.query<{ email: string }>(`select email from staff_users order by email`);
    await client.end();
    expect(rows.rows.map((row) => row.email)).toEqual(['first.admin@council.example', 'second.admin@council.example']);
  }, 120_000);

  it('a database process that dies is started again by the portal, which becomes ready again', async () => {
    const running = portal;
    if (!running) throw new Error('the portal of the previous test is not running');
    const before = postmasterPid(dataDir);
    process.kill(before, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    // The portal may still answer ready for a moment after the kill: wait for a new server, then for ready.
    const restarted = () => {
      try {
        return postmasterPid(dataDir) !== before;
      } catch {
        return false; // between the old server's pid file going and the new one's being written
      }
    };
    while (Date.now() < deadline && !(restarted() && (await readiness(baseUrl)) === 200)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await readiness(baseUrl)).toBe(200);
    expect(postmasterPid(dataDir)).not.toBe(before);
    expect(running.output()).toContain('The embedded database stopped unexpectedly');
    expect(running.output()).toContain('The embedded database is running again.');

    process.kill(-(running.child.pid ?? 0), 'SIGINT');
    expect(await running.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
