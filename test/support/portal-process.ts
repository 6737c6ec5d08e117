import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** A `npm start`-style portal process (API, worker and embedded Postgres) started for a test. */
export interface PortalProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns a process in a process group of its own, keeping everything it prints. */
function spawnCollecting(command: string, args: string[], env: NodeJS.ProcessEnv): PortalProcess {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', resolve);
  });
  return { child, output: () => text, exited };
}

/** Starts `server/src/main.ts` in its own process group, as `npm start` would after building. */
export function startPortal(
  env: Record<string, string>,
  entry = 'server/src/main.ts',
  keepDatabaseUrl = false,
  nodeArgs: string[] = [],
): PortalProcess {
  // Unless asked otherwise, the embedded database is what is under test, whatever the shell says.
  const inherited = { ...process.env };
  if (!keepDatabaseUrl) delete inherited.DATABASE_URL;
  return spawnCollecting(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    ...inherited,
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** Starts a compiled entry point (`server/dist/*.js`, made by `npm run build`) with node alone, as production does. */
export function startCompiled(entry: string, env: Record<string, string>): PortalProcess {
  return spawnCollecting(process.execPath, [entry], { ...process.env, LOG_LEVEL: 'warn', ...env });
}

/** Runs `npm start` itself (npm, then tsx, then the app) in a process group of its own, as a terminal would. */
export function startNpmStart(env: Record<string, string>): PortalProcess {
  return spawnCollecting('npm', ['start', '--silent'], { ...process.env, LOG_LEVEL: 'warn', ...env });
}

/** Polls `/readyz` until it answers 200. */
export async function waitUntilReady(baseUrl: string, portal: PortalProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (portal.child.exitCode !== null) throw new Error(`portal exited early:\n${portal.output()}`);
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`portal not ready in time:\n${portal.output()}`);
}

/** The connection string of the embedded database of a data folder, as its running Postgres publishes it. */
export function embeddedDatabaseUrl(dataDir: string): string {
  const { postgresPassword } = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as {
    postgresPassword: string;
  };
  const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  return `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/tell_us_once`;
}

/** Connects to the embedded database of a data folder. */
export async function connectToEmbedded(dataDir: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
  await client.connect();
  return client;
}

/** What a command-line tool printed and how it ended. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the command-line tools (`server/src/.../*-cli.ts`) as `npm run` would, on the embedded database. */
export async function runCommand(entry: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** The process id of the Postgres server running on a data folder, from its lock file. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Kills a started process's whole group (SIGKILL: a crash, nothing cleaned up), unless it has already exited. */
export function killGroup(portal: PortalProcess): void {
  if (portal.child.exitCode !== null || portal.child.signalCode !== null) return;
  try {
    process.kill(-(portal.child.pid ?? 0), 'SIGKILL');
  } catch {
    // already gone
  }
}
