// How `npm run bench` shows what it measures: progress on one line, then the rows of figures.
import os from 'node:os';
import type autocannon from 'autocannon';
import type { BenchRow } from './page-checks.js';

// On a terminal one line updates in place; in a log, a line every few seconds.
let lastLogged = 0;
export const progress = (text: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}`);
  else if (Date.now() - lastLogged > 5000) {
    lastLogged = Date.now();
    console.log(text);
  }
};
export const done = (text: string) => {
  lastLogged = 0;
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}\n`);
  else console.log(text);
};
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
export const fixed = (n: number, digits = 0) => n.toFixed(digits);

export function print(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('\nTell Us Once benchmark');
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${note}`);
}

/** The machine's load (1, 5 and 15 minute averages), since other work on it moves every figure. */
export const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** The ceiling's rate, and the CPU time (ms) each transaction cost its clients and Postgres. */
export interface Ceiling {
  rate: number;
  clientMs: number;
  postgresMs: number;
  /** Each bare transaction's time, begin to commit (ms). */
  latencies: number[];
}

/** The burst's figures beside the ceiling's, in rates and in CPU time (which a shared machine moves less). */
export const burstRows = (
  first: { rate: number; result: autocannon.Result; apiMs: number; postgresMs: number },
  ceiling: Ceiling,
  { connections, seconds }: { connections: number; seconds: number },
): BenchRow[] => [
  ['Burst: submissions/s', fixed(first.rate), `${String(connections)} connections, ${String(seconds)} s, API alone`],
  ['Burst: latency p50 / p99 (ms)', `${first.result.latency.p50} / ${first.result.latency.p99}`, 'target p99 < 100'],
  ['Burst: non-2xx responses', String(first.result.non2xx + first.result.errors + first.result.timeouts), 'target 0'],
  ['Burst: CPU ms per submission', `${fixed(first.apiMs, 2)} + ${fixed(first.postgresMs, 2)}`, 'API + Postgres'],
  ['Ceiling: bare transactions/s', fixed(ceiling.rate), '1 submission + its deliveries, written due'],
  [
    'Ceiling: latency p50 / p99 (ms)',
    `${fixed(percentile(ceiling.latencies, 50))} / ${fixed(percentile(ceiling.latencies, 99))}`,
    `the bare rows' own, at ${String(connections)} clients`,
  ],
  [
    'Ceiling: CPU ms per transaction',
    `${fixed(ceiling.clientMs, 2)} + ${fixed(ceiling.postgresMs, 2)}`,
    'clients + Postgres',
  ],
  ['Burst / ceiling', fixed(first.rate / ceiling.rate, 2), 'target ≥ 0.6'],
  [
    'Burst / ceiling by CPU time',
    fixed((ceiling.clientMs + ceiling.postgresMs) / (first.apiMs + first.postgresMs), 2),
    'the ratio on a machine of its own, where CPU is what runs out',
  ],
];
