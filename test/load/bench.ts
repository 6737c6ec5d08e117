// `npm run bench`: how fast the portal accepts submissions and gets them to every agency, on this
// machine, with embedded Postgres. Prints figures; asserts nothing (see README, "Benchmark").
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { agencyKinds, createSubmissionEnvelopeV1, exampleSubmissions, generateReference } from '@tuo/shared';
import autocannon from 'autocannon';
import pg from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.js';
import { startPortal, waitUntilReady, type PortalProcess } from '../support/portal-process.js';
import { burstRows, done, fixed, load, percentile, print, progress, type Ceiling } from './bench-output.js';
import { measureCeiling } from './ceiling.js';
import { coresBusy, postgresPid, treeCpuMs } from './cpu-time.js';
import { measureFigures } from './figures-time.js';
import { measureNoopRate } from './noop-rate.js';
import { measurePages, type BenchRow } from './page-checks.js';
import { startReceivers } from './receivers.js';
import { startStatementCounts, statementStatsSettings } from './statement-counts.js';
import { benchSubmitterHeaders } from './submitter-key.js';

const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 20);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30);
const STEADY_RATE = 100;
const CONNECTIONS = 50;
// BENCH_DELIVERY_CONCURRENCY: deliveries in flight per worker process (the portal's default otherwise).
const CONCURRENCY = process.env.BENCH_DELIVERY_CONCURRENCY ?? '';
// graphile-worker's no-op yardstick, at the worker's default job concurrency.
const NOOP_CONCURRENCY = 8;
// BENCH_PAGES_ONLY=1: just the pages' JavaScript weight and Lighthouse scores (about a minute).
const PAGES_ONLY = process.env.BENCH_PAGES_ONLY === '1';
// BENCH_FIGURES_ONLY=1: just the performance figures over a million seeded deliveries.
const FIGURES_ONLY = process.env.BENCH_FIGURES_ONLY === '1';
const FIGURES_DELIVERIES = Number(process.env.BENCH_FIGURES_DELIVERIES ?? 1_000_000);
// BENCH_FIGURES_TODAY: how many of those were delivered today (a busy day, as after the load above).
const FIGURES_TODAY = Number(process.env.BENCH_FIGURES_TODAY ?? 150_000);
// BENCH_BURST_ONLY=1: just the burst (after a warm-up) and its ceiling, one after the other (to profile or compare a change to the write path).
const BURST_ONLY = process.env.BENCH_BURST_ONLY === '1';
// BENCH_SKIP_PAGES=1: leave out the pages' weight and Lighthouse (a quick check that deliveries flow); so does BENCH_BURST_ONLY.
// BENCH_STEADY_ONLY=1: just the steady load with one worker, after a short burst as a warm-up (to compare a change to the delivery path).
const STEADY_ONLY = process.env.BENCH_STEADY_ONLY === '1';
const SKIP_PAGES = process.env.BENCH_SKIP_PAGES === '1' || BURST_ONLY || STEADY_ONLY;
// BENCH_STATEMENTS=1: also count the statements Postgres runs during the steady load (pg_stat_statements), per delivery.
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';
const WARM_UP_SECONDS = 3;
const body = exampleSubmissions['someone-died'];
const perSubmission = body.consent.length;
/** Letters for a number ("b", "ba", ...), since names hold no digits. */
const letters = (n: number): string =>
  (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));
let people = 0;
// A different person each time, as real load is: identical reports would all be possible duplicates of each other.
const nextBody = () =>
  JSON.stringify({ ...body, answers: { ...body.answers, lastName: `O'Brien-${letters(people++)}` } });

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

/** The arrival times of every delivery that arrived at or after `since`, sorted. */
const arrivalsSince = (arrivals: Map<string, number>, since: number) =>
  [...arrivals.values()].filter((at) => at >= since).sort((a, b) => a - b);

async function main() {
  const loadAtStart = load();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tuo-bench-'));
  const receivers = await startReceivers(agencyKinds);
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  progress('Starting embedded Postgres…');
  // As deployed (docker-compose.yml): one Postgres, an API process, and as many worker processes as wanted.
  const database = await startEmbeddedPostgres({
    dataDir,
    onStep: progress,
    ...(STATEMENTS ? { settings: statementStatsSettings } : {}),
  });
  const env: Record<string, string> = {
    DATABASE_URL: database.databaseUrl,
    SESSION_SECRET: database.sessionSecret,
    PROTECTED_DATA_KEYS: database.protectedDataKeys,
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  };
  if (CONCURRENCY) env.DELIVERY_CONCURRENCY = CONCURRENCY;
  for (const agency of agencyKinds) {
    env[`AGENCY_${agency.toUpperCase().replaceAll('-', '_')}_WEBHOOK_URL`] = receivers.urls[agency];
    env[`AGENCY_${agency.toUpperCase().replaceAll('-', '_')}_WEBHOOK_SECRET`] =
      `whsec_${Buffer.from('bench-secret-bench-secret-bench!').toString('base64')}`;
  }
  // BENCH_PROFILE_DIR=dir writes CPU profiles of the API and worker processes there when they stop.
  const profile = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const processes: PortalProcess[] = [];
  const startProcess = async (entry: string, name: string, settings: Record<string, string> = {}) => {
    const processPort = await findFreePort();
    const child = startPortal({ ...env, ...settings, PORT: processPort.toString() }, entry, true, nodeArgs);
    processes.push(child);
    const url = `http://127.0.0.1:${processPort}`;
    await waitUntilReady(url, child, 120_000);
    progress(`${name} ready.`);
    return { ...child, url };
  };
  const stopProcess = async (child: PortalProcess) => {
    child.child.kill('SIGTERM');
    await child.exited;
  };
  const counter = new pg.Client({ connectionString: database.databaseUrl });
  try {
    const api = startPortal({ ...env, PORT: String(port) }, 'server/src/server.ts', true, nodeArgs);
    processes.push(api);
    await waitUntilReady(baseUrl, api, 120_000);
    await counter.connect();
    done(`API ready on ${baseUrl} (embedded Postgres, ${os.cpus().length} cores); no worker yet.`);
    // Every submission below is a trusted submitter's, so none waits for a confirmation code.
    const headers = await benchSubmitterHeaders(database.databaseUrl);
    const figures = () =>
      measureFigures({
        databaseUrl: database.databaseUrl,
        baseUrl,
        apiPid: api.child.pid ?? 0,
        deliveries: FIGURES_DELIVERIES,
        today: Math.min(FIGURES_TODAY, FIGURES_DELIVERIES),
        progress,
      });
    if (FIGURES_ONLY) {
      // One real submission to copy.
      await fetch(`${baseUrl}/api/submissions`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      print(await figures());
      return;
    }
    // Before the load, so the pages are measured on a quiet machine.
    const pageRows = SKIP_PAGES ? [] : await measurePages(baseUrl, progress);
    if (!SKIP_PAGES) done('Pages measured.');
    if (PAGES_ONLY) {
      print(pageRows);
      return;
    }

    const postgres = postgresPid(database.databaseDir);
    /** The ceiling, and the CPU time each of its transactions cost its clients (this process) and Postgres. */
    const measureCeilingNow = async (): Promise<Ceiling> => {
      progress('Measuring the ceiling: bare Postgres transactions from 50 clients…');
      const envelope = JSON.stringify(
        createSubmissionEnvelopeV1(body, { reference: generateReference(), submittedAt: new Date() }),
      );
      const [client, server] = [process.cpuUsage(), treeCpuMs(postgres)];
      const { rate, transactions, latencies } = await measureCeiling(database.databaseUrl, {
        clients: CONNECTIONS,
        seconds: 10,
        envelope,
        agencies: body.consent,
      });
      const clientMs = (process.cpuUsage(client).user + process.cpuUsage(client).system) / 1000;
      return {
        rate,
        clientMs: clientMs / transactions,
        postgresMs: (treeCpuMs(postgres) - server) / transactions,
        latencies,
      };
    };
    const countSubmissions = async () =>
      Number((await counter.query<{ n: string }>('select count(*) as n from submissions')).rows[0]?.n);
    /** Submissions as fast as 50 connections get them accepted, with no worker competing for the machine. */
    const burst = async (label: string, apiUrl = baseUrl, apiPid = api.child.pid ?? 0, seconds = BURST_SECONDS) => {
      const before = await countSubmissions();
      const [apiCpu, postgresCpu] = [treeCpuMs(apiPid), treeCpuMs(postgres)];
      let second = 0;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${apiUrl}/api/submissions`,
            method: 'POST',
            headers,
            requests: [{ setupRequest: (request) => ({ ...request, body: nextBody() }) }],
            connections: CONNECTIONS,
            duration: seconds,
          },
          (error: unknown, finished) => {
            if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
            else resolve(finished);
          },
        );
        instance.on('tick', () => {
          progress(`${label}: ${++second}/${seconds} s`);
        });
      });
      // Count what the database accepted: autocannon misses responses cut off at the end of the run.
      const accepted = (await countSubmissions()) - before;
      done(`${label} done: ${accepted} submissions accepted.`);
      const apiMs = (treeCpuMs(apiPid) - apiCpu) / accepted;
      const postgresMs = (treeCpuMs(postgres) - postgresCpu) / accepted;
      return { result, accepted, rate: result['2xx'] / (result.duration || seconds), apiMs, postgresMs };
    };
    /** Starts `workers` worker processes on the waiting backlog and times how fast it reaches the agencies. */
    const drain = async (deliveries: number, workers: number) => {
      const before = receivers.count();
      const started = performance.timeOrigin + performance.now();
      const running = await Promise.all(
        Array.from({ length: workers }, (_, i) => startProcess('server/src/worker.ts', `Worker ${String(i + 1)}`)),
      );
      // Who uses the cores meanwhile (from the workers being ready): the workers, Postgres, this process (the receivers).
      const busy = coresBusy([...running.map((worker) => worker.child.pid ?? 0), postgres]);
      await waitForArrivals(() => receivers.count() - before, deliveries, `Drain with ${String(workers)} worker(s)`);
      const cpu = busy();
      // From the first arrival to the last: the workers' start-up time is not theirs to count.
      const times = arrivalsSince(receivers.arrivals, started);
      const seconds = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
      done(`Drain with ${String(workers)} worker(s): ${deliveries} deliveries in ${fixed(seconds, 1)} s.`);
      return {
        running,
        seconds,
        rate: deliveries / seconds,
        cores: cpu.cores,
        cpuMs: cpu.ms.map((ms) => ms / deliveries),
      };
    };

    /** A drain's cores busy: the workers', Postgres's and the receivers' shares, and their sum. */
    const drainCores = (cores: number[]) => {
      const [receiving = 0, postgresCores = 0, ...workers] = [...cores].reverse();
      const sum = cores.reduce((a, b) => a + b, 0);
      return `(${workers
        .reverse()
        .map((n) => fixed(n, 2))
        .join(' + ')}) + ${fixed(postgresCores, 2)} + ${fixed(receiving, 2)} = ${fixed(sum, 2)}`;
    };
    /** A drain's CPU time per delivery: the workers', Postgres's and the receivers'. */
    const drainCpu = ({ cpuMs }: { cpuMs: number[] }) => cpuMs.map((ms) => fixed(ms, 2)).join(' + ');
    /** The machine's load at the start and now, printed first: other work on it moves every figure. */
    const loadRow = (): BenchRow => [
      'Load average at start / end',
      `${loadAtStart} / ${load()}`,
      `${String(os.cpus().length)} cores`,
    ];
    /** 100 submissions/s for STEADY_SECONDS with the worker(s) running: the time from each 201 to each agency holding it. */
    const steady = async (workerPid: number) => {
      const counts = STATEMENTS ? await startStatementCounts(database.databaseUrl) : undefined;
      // Who uses the machine's cores meanwhile: the API, the worker, Postgres and this process (load and receivers).
      const busy = coresBusy([api.child.pid ?? 0, workerPid, postgres]);
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
            headers,
            body: nextBody(),
          }).then(
            async (res) => {
              const at = performance.timeOrigin + performance.now();
              if (res.status !== 201) failures += 1;
              else sentAt.set(((await res.json()) as { reference: string }).reference, at);
            },
            // No answer at all (a connection not accepted in time on a starved machine) is a refusal too.
            () => {
              failures += 1;
            },
          ),
        );
      }
      await Promise.all(requests);
      const steadyPairs = [...sentAt.keys()].flatMap((reference) =>
        body.consent.map((agency) => `${reference}/${agency}`),
      );
      const arrived = () => steadyPairs.filter((pair) => receivers.arrivals.has(pair)).length;
      await waitForArrivals(arrived, steadyPairs.length, 'Steady drain');
      const cores = busy().cores.map((n) => fixed(n, 2));
      const latencies: number[] = [];
      for (const [reference, at] of sentAt)
        for (const agency of body.consent)
          latencies.push((receivers.arrivals.get(`${reference}/${agency}`) ?? Number.NaN) - at);
      done(`Steady done: ${sentAt.size} submissions, ${failures} refused.`);
      return { latencies, failures, cores, statements: (await counts?.rows(latencies.length)) ?? [] };
    };
    const steadyRows = ({ latencies, failures, cores, statements }: Awaited<ReturnType<typeof steady>>): BenchRow[] => [
      [
        'Steady: 201 → agency p50 / p99 (ms)',
        `${fixed(percentile(latencies, 50))} / ${fixed(percentile(latencies, 99))}`,
        `${STEADY_RATE}/s for ${STEADY_SECONDS} s, 1 worker; target p99 < 2000`,
      ],
      ['Steady: refused', String(failures), 'target 0'],
      [
        'Steady: cores busy',
        cores.join(' / '),
        `API / worker / Postgres / bench (load and receivers), of ${String(os.cpus().length)}`,
      ],
      ...statements,
    ];
    if (STEADY_ONLY) {
      const warmUp = await burst('Warm-up', baseUrl, api.child.pid, WARM_UP_SECONDS);
      const warmed = await drain(warmUp.accepted * perSubmission, 1);
      const steadyFigures = await steady(warmed.running[0]?.child.pid ?? 0);
      print([
        loadRow(),
        ['Warm-up drain, 1 worker: deliveries/s', fixed(warmed.rate), `cores busy ${drainCores(warmed.cores)}`],
        ['Warm-up drain: CPU ms per delivery', drainCpu(warmed), 'worker + Postgres + bench (receivers)'],
        ...steadyRows(steadyFigures),
      ]);
      return;
    }
    // Compiled and warm first, so a change's figures are not its share of the start-up's (a
    // deployed API is warm); what the warm-ups accept is drained with the first burst.
    const warmUp = await burst('Warm-up', baseUrl, api.child.pid, WARM_UP_SECONDS);
    // Burst, then drain it with one worker process; a second burst, drained by two.
    const first = await burst('Burst');
    if (BURST_ONLY) {
      const ceiling = await measureCeilingNow();
      print([...burstRows(first, ceiling, { connections: CONNECTIONS, seconds: BURST_SECONDS }), loadRow()]);
      return;
    }
    // The same burst against an API process writing each submission in its own statement (no group commit).
    const unbatchedApi = await startProcess('server/src/server.ts', 'API without group commit', {
      SUBMISSION_BATCH_SIZE: '1',
    });
    const unbatchedWarmUp = await burst(
      'Warm-up without group commit',
      unbatchedApi.url,
      unbatchedApi.child.pid,
      WARM_UP_SECONDS,
    );
    const unbatched = await burst('Burst without group commit', unbatchedApi.url, unbatchedApi.child.pid);
    await stopProcess(unbatchedApi);
    const firstBacklog =
      [warmUp, first, unbatchedWarmUp, unbatched].reduce((n, b) => n + b.accepted, 0) * perSubmission;
    const one = await drain(firstBacklog, 1);
    await Promise.all(one.running.map(stopProcess));
    const second = await burst('Second burst');
    const two = await drain(second.accepted * perSubmission, 2);
    const [, secondWorker] = two.running;
    if (secondWorker) await stopProcess(secondWorker);
    // Steady, with one worker process.
    const steadyFigures = await steady(two.running[0]?.child.pid ?? 0);
    await Promise.all(two.running.slice(0, 1).map(stopProcess));

    // Yardsticks, measured on the same database after the portal's own work is done.
    const ceiling = await measureCeilingNow();
    progress('Measuring graphile-worker with no-op jobs…');
    const noop = await measureNoopRate(database.databaseUrl, { jobs: 5000, concurrency: NOOP_CONCURRENCY });
    done('Yardsticks measured.');
    // Last, since a million more rows would weigh on everything else.
    const figureRows = await figures();
    done('Figures measured.');

    print([
      loadRow(),
      ...burstRows(first, ceiling, { connections: CONNECTIONS, seconds: BURST_SECONDS }),
      [
        'Burst without group commit: /s, p99 (ms)',
        `${fixed(unbatched.rate)}, ${unbatched.result.latency.p99}`,
        `SUBMISSION_BATCH_SIZE=1; group commit ×${fixed(first.rate / unbatched.rate, 2)}`,
      ],
      [
        'Second burst: submissions/s, p99 (ms)',
        `${fixed(second.rate)}, ${second.result.latency.p99}`,
        'the backlog for two workers',
      ],
      ['Drain, 1 worker: deliveries/s', fixed(one.rate), `${firstBacklog} in ${fixed(one.seconds, 1)} s; target ≥ 320`],
      [
        'Drain, 2 workers: deliveries/s',
        fixed(two.rate),
        `${second.accepted * perSubmission} in ${fixed(two.seconds, 1)} s; ×${fixed(two.rate / one.rate, 2)} of 1 worker`,
      ],
      [
        'Drain: cores busy, 1 worker / 2 workers',
        `${drainCores(one.cores)} / ${drainCores(two.cores)}`,
        `(worker + worker) + Postgres + bench (receivers) = all, of ${String(os.cpus().length)}`,
      ],
      ['Drain: CPU ms per delivery, 1 worker', drainCpu(one), 'worker + Postgres + bench (receivers)'],
      [
        'graphile-worker no-op jobs/s',
        fixed(noop),
        `concurrency ${NOOP_CONCURRENCY}, same database; drain/no-op ${fixed(one.rate / noop, 2)} (1 worker)`,
      ],
      ...steadyRows(steadyFigures),
      ...pageRows,
      ...figureRows,
    ]);
  } catch (error) {
    const output = processes.map((p) => p.output().slice(-1500)).join('\n---\n');
    console.error(`\nThe benchmark stopped: ${String(error)}\nProcess output:\n${output}`);
    process.exitCode = 1;
  } finally {
    await counter.end().catch(() => undefined);
    await Promise.all(processes.filter((p) => p.child.exitCode === null).map(stopProcess));
    await database.stop();
    await receivers.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
