import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// On a shared machine a rate says as much about the neighbours as about the code; the CPU time a
// piece of work costs moves less, so the bench prints it beside each rate (Linux's /proc only).

const TICKS_PER_MS = 100 / 1000;

/** A process's own CPU time and that of its children it has reaped, in ms, with its parent's pid. */
function stat(pid: number): { ms: number; reaped: number; parent: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces: the fields that matter follow its closing parenthesis.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const tick = (i: number) => Number(fields[i - 3] ?? 0);
  return {
    ms: (tick(14) + tick(15)) / TICKS_PER_MS,
    reaped: (tick(16) + tick(17)) / TICKS_PER_MS,
    parent: tick(4),
  };
}

/**
 * The CPU time, in ms, a process and every process under it have used: its own, its reaped
 * children's, and its live children's (a Postgres server's backends, one per connection). Read
 * again if a child was reaped while its siblings were read: its time had moved from the live to the
 * reaped, counted in neither (50 backends exiting together once hid most of a ceiling's CPU time).
 */
export function treeCpuMs(pid: number): number {
  let total = Number.NaN;
  for (let attempt = 0; attempt < 20; attempt++) {
    const root = stat(pid);
    if (!root) return Number.NaN;
    let live = 0;
    for (const entry of readdirSync('/proc')) {
      const child = /^\d+$/.test(entry) ? stat(Number(entry)) : undefined;
      if (child?.parent === pid) live += child.ms;
    }
    const after = stat(pid);
    if (!after) return Number.NaN;
    total = after.ms + after.reaped + live;
    if (after.reaped === root.reaped) break;
  }
  return total;
}

/** The pid of the Postgres server keeping its files in `databaseDir` (its postmaster.pid's first line). */
export function postgresPid(databaseDir: string): number {
  return Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * Starts measuring the CPU time some processes (each with everything under it) and this one use;
 * the function returned gives each one's since, in ms and as cores busy over the wall time since,
 * this process's last.
 */
export function coresBusy(pids: readonly number[]): () => { ms: number[]; cores: number[] } {
  const tree = pids.map(treeCpuMs);
  const own = process.cpuUsage();
  const at = performance.now();
  return () => {
    const wallMs = performance.now() - at;
    const ownNow = process.cpuUsage(own);
    const ms = [...pids.map((pid, i) => treeCpuMs(pid) - (tree[i] ?? 0)), (ownNow.user + ownNow.system) / 1000];
    return { ms, cores: ms.map((n) => n / wallMs) };
  };
}
