// `npm run bench`: how fast the portal accepts submissions and gets them to every agency, on this
// machine, with embedded Postgres. Prints figures; asserts nothing (see README, "Benchmark").
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { agencyKinds, createSubmissionEnvelopeV1, exampleSubmissions, generateReference } from '@tuo/shared';
import autocannon from 'autocannon';
import pg from 'pg';
import { findFreePort } from '../../server/src/db/embedded-postgres.js';
import { embeddedDatabaseUrl, startPortal, waitUntilReady } from '../support/portal-process.js';
import { measureCeiling } from './ceiling.js';
import { measureNoopRate } from './noop-rate.js';
import { measurePages, type BenchRow } from './page-checks.js';
import { startReceivers } from './receivers.js';

const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 20);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30);
const STEADY_RATE = 100;
const CONNECTIONS = 50;
const CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 8);
// BENCH_PAGES_ONLY=1: just the pages' JavaScript weight and Lighthouse scores (about a minute).
const PAGES_ONLY = process.env.BENCH_PAGES_ONLY === '1';
const body = exampleSubmissions['someone-died'];
const perSubmission = body.consent.length;

// On a terminal one line updates in place; in a log, a line every few seconds.
let lastLogged = 0;
const progress = (text: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}`);
  else if (Date.now() - lastLogged > 5000) {
    lastLogged = Date.now();
    console.log(text);
  }
};
const done = (text: string) => {
  lastLogged = 0;
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}\n`);
  else console.log(text);
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const fixed = (n: number, digits = 0) => n.toFixed(digits);

async function waitForArrivals(
  count: () => number,
  target: number,
  label: string,
  timeoutMs = 300_000,
): Promise<number> {
  const started = Date.now();
  while (count() < target) {
    if (Date.now() - started > timeoutMs) throw new Error(`${label}: only ${count()} of ${target} deliveries arrived`);
    progress(`${label}: ${count()} of ${target} deliveries arrived (${fixed((Date.now() - started) / 1000, 1)} s)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now();
}

function print(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('\nTell Us Once benchmark');
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${note}`);
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-bench-'));
  const receivers = await startReceivers(agencyKinds);
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: String(CONCURRENCY),
  };
  for (const agency of agencyKinds) {
    env[`AGENCY_${agency.toUpperCase().replaceAll('-', '_')}_WEBHOOK_URL`] = receivers.urls[agency];
    env[`AGENCY_${agency.toUpperCase().replaceAll('-', '_')}_WEBHOOK_SECRET`] =
      `whsec_${Buffer.from('bench-secret-bench-secret-bench!').toString('base64')}`;
  }
  progress('Starting the portal on embedded Postgres…');
  // BENCH_PROFILE_DIR=dir writes a CPU profile of the portal there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR;
  const portal = startPortal(env, undefined, false, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  try {
    await waitUntilReady(baseUrl, portal, 120_000);
    done(`Portal ready on ${baseUrl} (API + worker in one process, embedded Postgres, ${os.cpus().length} cores).`);
    // Before the load, so the pages are measured on a quiet machine.
    const pageRows = await measurePages(baseUrl, progress);
    done('Pages measured.');
    if (PAGES_ONLY) {
      print(pageRows);
      return;
    }

    // Burst.
    let second = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${baseUrl}/api/submissions`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          connections: CONNECTIONS,
          duration: BURST_SECONDS,
        },
        (error: unknown, finished) => {
          if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
          else resolve(finished);
        },
      );
      instance.on('tick', () => {
        progress(`Burst: ${++second}/${BURST_SECONDS} s, ${receivers.count()} deliveries arrived so far`);
      });
    });
    const burstEnded = Date.now();
    // Count what the database accepted: autocannon misses responses cut off at the end of the run.
    const counter = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir) });
    await counter.connect();
    const accepted = Number((await counter.query<{ n: string }>('select count(*) as n from submissions')).rows[0]?.n);
    await counter.end();
    const burstRate = result['2xx'] / (result.duration || BURST_SECONDS);
    done(`Burst done: ${accepted} submissions accepted.`);

    // Drain.
    const drainedAt = await waitForArrivals(receivers.count, accepted * perSubmission, 'Drain');
    const drainSeconds = (drainedAt - burstEnded) / 1000;
    const deliveriesPerSecond = (accepted * perSubmission) / ((drainedAt - burstEnded) / 1000 + BURST_SECONDS);
    done(`Drain done: every delivery arrived ${fixed(drainSeconds, 1)} s after the burst.`);

    // Steady.
    const sentAt = new Map<string, number>();
    let failures = 0;
    const requests: Promise<void>[] = [];
    const steadyStart = Date.now();
    for (let i = 0; i < STEADY_RATE * STEADY_SECONDS; i += 1) {
      const due = steadyStart + (i * 1000) / STEADY_RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (i % STEADY_RATE === 0)
        progress(`Steady: ${i / STEADY_RATE}/${STEADY_SECONDS} s at ${STEADY_RATE} submissions/s`);
      requests.push(
        fetch(`${baseUrl}/api/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (res) => {
          const at = performance.timeOrigin + performance.now();
          if (res.status !== 201) failures += 1;
          else sentAt.set(((await res.json()) as { reference: string }).reference, at);
        }),
      );
    }
    await Promise.all(requests);
    const steadyPairs = [...sentAt.keys()].flatMap((reference) =>
      body.consent.map((agency) => `${reference}/${agency}`),
    );
    const arrived = () => steadyPairs.filter((pair) => receivers.arrivals.has(pair)).length;
    await waitForArrivals(arrived, steadyPairs.length, 'Steady drain');
    const latencies: number[] = [];
    for (const [reference, at] of sentAt)
      for (const agency of body.consent)
        latencies.push((receivers.arrivals.get(`${reference}/${agency}`) ?? Number.NaN) - at);
    done(`Steady done: ${sentAt.size} submissions, ${failures} refused.`);

    // Yardsticks, measured on the same database after the portal's own work is done.
    progress('Measuring the ceiling: bare Postgres transactions from 50 clients…');
    const databaseUrl = embeddedDatabaseUrl(dataDir);
    const envelope = JSON.stringify(
      createSubmissionEnvelopeV1(body, { reference: generateReference(), submittedAt: new Date() }),
    );
    const ceiling = await measureCeiling(databaseUrl, {
      clients: CONNECTIONS,
      seconds: 10,
      envelope,
      agencies: body.consent,
    });
    progress('Measuring graphile-worker with no-op jobs…');
    const noop = await measureNoopRate(databaseUrl, { jobs: 5000, concurrency: CONCURRENCY });
    done('Yardsticks measured.');

    print([
      ['Burst: submissions/s', fixed(burstRate), `${CONNECTIONS} connections, ${BURST_SECONDS} s`],
      ['Burst: latency p50 / p99 (ms)', `${result.latency.p50} / ${result.latency.p99}`, 'target p99 < 100'],
      ['Burst: non-2xx responses', String(result.non2xx + result.errors + result.timeouts), 'target 0'],
      ['Ceiling: bare transactions/s', fixed(ceiling), '1 submission + its deliveries + outbox rows'],
      ['Burst / ceiling', fixed(burstRate / ceiling, 2), 'target ≥ 0.6'],
      ['Drain: seconds after the burst', fixed(drainSeconds, 1), `${accepted * perSubmission} deliveries`],
      ['Drain: deliveries/s (burst start to last)', fixed(deliveriesPerSecond), `worker concurrency ${CONCURRENCY}`],
      ['graphile-worker no-op jobs/s', fixed(noop), 'same concurrency, same database'],
      [
        'Steady: 201 → agency p50 / p99 (ms)',
        `${fixed(percentile(latencies, 50))} / ${fixed(percentile(latencies, 99))}`,
        `${STEADY_RATE}/s for ${STEADY_SECONDS} s; target p99 < 2000`,
      ],
      ['Steady: refused', String(failures), ''],
      ...pageRows,
    ]);
  } catch (error) {
    console.error(`\nThe benchmark stopped: ${String(error)}\nPortal output:\n${portal.output().slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    portal.child.kill('SIGTERM');
    await portal.exited;
    await receivers.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
