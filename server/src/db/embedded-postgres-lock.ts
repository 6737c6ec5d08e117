import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';

/** Who started the Postgres running on a data folder: the portal (`npm start`) or a command. */
export interface DatabaseOwner {
  pid: number;
  role: 'portal' | 'command';
}

/** The file naming the process that started a data folder's Postgres (and will stop it). */
function ownerFile(dataDir: string): string {
  return path.join(dataDir, 'database-owner.json');
}

/** Whether a process with this id exists (one of another user's counts: it is there). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The Postgres server running on `databaseDir`, from the lock file it writes there
 * (`postmaster.pid`: its process id on the first line, its port on the fourth), if it is alive.
 */
export async function runningPostmaster(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return undefined;
  return { pid, port };
}

/** The live process that started the data folder's Postgres, if there is one. */
export async function liveOwner(dataDir: string): Promise<DatabaseOwner | undefined> {
  const text = await fs.readFile(ownerFile(dataDir), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const owner = JSON.parse(text) as DatabaseOwner;
    return Number.isInteger(owner.pid) && owner.pid !== process.pid && processIsAlive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Records this process as the one that started (and will stop) the data folder's Postgres. */
export async function claimOwnership(dataDir: string, role: DatabaseOwner['role']): Promise<void> {
  await fs.writeFile(ownerFile(dataDir), JSON.stringify({ pid: process.pid, role } satisfies DatabaseOwner));
}

/** Gives up the record, once this process's Postgres has stopped (only if it is still ours). */
export async function releaseOwnership(dataDir: string): Promise<void> {
  const text = await fs.readFile(ownerFile(dataDir), 'utf8').catch(() => undefined);
  if (text?.includes(`"pid":${String(process.pid)},`)) await fs.rm(ownerFile(dataDir), { force: true });
}
