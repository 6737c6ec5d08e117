import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The machine's ceiling: bare Postgres transactions writing the same durable rows a submission
 * writes (1 submission, its deliveries to each kind's fallback organisation, written due, which is
 * what queues them for the dispatcher) from `clients` connections, into copies of the tables so the
 * running worker does not pick them up. Returns transactions per second, how many, and each one's
 * time from begin to commit (ms): the latency a submission's own rows cost at that concurrency.
 */
export async function measureCeiling(
  databaseUrl: string,
  options: { clients: number; seconds: number; envelope: string; agencies: readonly string[] },
): Promise<{ rate: number; transactions: number; latencies: number[] }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.clients });
  pool.on('error', () => undefined);
  await pool.query(`
    create table if not exists bench_submissions (like submissions including all);
    create table if not exists bench_deliveries (like deliveries including all)`);
  const deadline = Date.now() + options.seconds * 1000;
  let done = 0;
  const latencies: number[] = [];
  const client = async () => {
    const connection = await pool.connect();
    try {
      while (Date.now() < deadline) {
        const submissionId = randomUUID();
        const deliveryIds = options.agencies.map(() => randomUUID());
        const began = performance.now();
        await connection.query('begin');
        await connection.query(
          `insert into bench_submissions (id, reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at)
           values ($1, $2, 'someone-died', 'online', 'en', 1, $3, 'x', now())`,
          [submissionId, `B-${submissionId}`, options.envelope],
        );
        await connection.query(
          `insert into bench_deliveries (id, submission_id, agency, organisation_id, transport, status, status_changed_at, created_at, due_at)
           select d.id, $2, d.agency, o.id, 'webhook', 'queued', now(), now(), now()
           from unnest($1::uuid[], $3::text[]) as d(id, agency) join organisations o on o.kind = d.agency and o.fallback`,
          [deliveryIds, submissionId, options.agencies],
        );
        await connection.query('commit');
        latencies.push(performance.now() - began);
        done += 1;
      }
    } finally {
      connection.release();
    }
  };
  const started = Date.now();
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
    const rate = done / ((Date.now() - started) / 1000);
    await pool.query('drop table bench_submissions, bench_deliveries');
    return { rate, transactions: done, latencies };
  } finally {
    await pool.end();
  }
}
