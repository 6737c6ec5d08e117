import { exampleSubmissions } from '@tuo/shared';
import type { JobHelpers } from 'graphile-worker';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQueuedAlert, writeNextAlert } from '../../server/src/channels/email/agency-alerts.js';
import type { Database } from '../../server/src/db/database.js';
import { createScheduleOrganisationChannelsTask } from '../../server/src/jobs/organisation-channel-schedule-task.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// What the channels cost the database every minute, with a directory of a few hundred
// organisations: the scheduling task's statement, and each organisation's alert (its unsent one,
// then the count of what is new). Each statement the real code runs is captured and EXPLAINed
// against seeded tables; none may read a whole table that grows with the service.

const ORGANISATIONS = 400;
const DELIVERIES_EACH = 60;
const ALERTS_EACH = 120;
const NEW_EACH = 5;

let t: TestApp;
const statements: CompiledQuery[] = [];
let logged: Kysely<Database>;
beforeAll(async () => {
  t = await createTestApp();
  logged = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: t.database.pool }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  const db = t.database.db;
  // One real report, then its deliveries copied: GP practices, each with its own settings (every
  // one its own targets; a quarter an email alert at once, an eighth a scheduled file), a history
  // of delivered notifications in its inbox, and of alerts sent.
  expect((await submitConfirmed(t.app, exampleSubmissions['someone-died'])).statusCode).toBe(201);
  await sql`
    insert into organisations (kind, name, code)
    select 'gp-practice', 'Practice ' || i, 'Y' || lpad(i::text, 5, '0') from generate_series(1, ${ORGANISATIONS}) i
  `.execute(db);
  await sql`
    insert into organisation_settings (organisation_id, acknowledge_days, action_days, alert_email, alert_frequency,
      primary_channel, file_sftp_url, file_host_key, file_format, file_schedule, file_private_key_sealed, file_public_key)
    select id, 2, 10,
      case when n % 4 = 0 then 'team' || n || '@practice.example' end, case when n % 4 = 0 then 'immediate' end,
      case when n % 8 = 1 then 'file' end, case when n % 8 = 1 then 'sftp://tuo@files.example/in' end,
      case when n % 8 = 1 then 'SHA256:x' end, case when n % 8 = 1 then 'csv' end,
      case when n % 8 = 1 then '0 18 * * *' end, case when n % 8 = 1 then 'sealed' end,
      case when n % 8 = 1 then 'ssh-ed25519 x' end
    from (select id, row_number() over (order by id) as n from organisations where not fallback) o
  `.execute(db);
  const [template] = (await sql<{ submission_id: string }>`select submission_id from deliveries limit 1`.execute(db))
    .rows;
  await sql`
    with orgs as (select id, row_number() over (order by id) as n from organisations where kind = 'gp-practice' and not fallback),
    copies as (
      insert into submissions (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash,
        submitted_at, confirmation, confirmed_at, verification_checks)
      select 'COST' || lpad(i::text, 8, '0'), life_event, channel, language, schema_version, envelope, tracking_secret_hash,
        submitted_at, confirmation, confirmed_at, verification_checks
      from submissions, generate_series(1, ${ORGANISATIONS * DELIVERIES_EACH}) i where id = ${template?.submission_id ?? ''}
      returning id, reference
    )
    insert into deliveries (submission_id, agency, organisation_id, transport, status, status_changed_at, created_at,
      delivered_at, inbox_xid, inbox_seq, payload)
    select c.id, 'gp-practice', o.id, 'inbox', 'delivered', now(), now(), now(), pg_current_xact_id(), nextval('inbox_seq'), null
    from copies c join orgs o on o.n = (substr(c.reference, 5)::int % ${ORGANISATIONS}) + 1
  `.execute(db);
  await sql`
    insert into agency_alerts (agency, organisation_id, notifications, up_to_xid, up_to_seq, status, created_at, sent_at)
    select 'gp-practice', s.organisation_id, 1, '1'::xid8, -i, 'sent', now() - make_interval(mins => i), now()
    from organisation_settings s, generate_series(1, ${ALERTS_EACH}) i where s.alert_email is not null
  `.execute(db);
  // The latest alert counted all but the newest few of each organisation's inbox.
  await sql`
    insert into agency_alerts (agency, organisation_id, notifications, up_to_xid, up_to_seq, status, created_at, sent_at)
    select 'gp-practice', organisation_id, ${DELIVERIES_EACH - NEW_EACH}, inbox_xid, inbox_seq, 'sent', now(), now()
    from (
      select d.organisation_id, d.inbox_xid, d.inbox_seq, row_number() over (partition by d.organisation_id order by d.inbox_seq) as n
      from deliveries d join organisation_settings s on s.organisation_id = d.organisation_id where s.alert_email is not null
    ) positions where n = ${DELIVERIES_EACH - NEW_EACH}
  `.execute(db);
  await sql`analyze`.execute(db);
}, 120_000);
afterAll(async () => {
  await t.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/**
 * How a statement, as it ran, reads its tables: EXPLAIN ANALYZE (in a transaction rolled back, so
 * an insert changes nothing) gives each table read whole (a sequential scan) and the rows read from
 * tables and indexes only to be thrown away by a filter.
 */
async function cost(query: CompiledQuery): Promise<{ tablesScanned: string[]; rowsThrownAway: number; ms: number }> {
  const client = await t.database.pool.connect();
  try {
    await client.query('begin');
    const explained = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, format json) ${query.sql}`,
      [...query.parameters],
    );
    const result = explained.rows[0]?.['QUERY PLAN'][0];
    if (!result) throw new Error('no plan');
    const all = nodes(result.Plan);
    return {
      tablesScanned: all.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name'] ?? '?'),
      rowsThrownAway: all.reduce(
        (sum, node) =>
          sum +
          ((node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'],
        0,
      ),
      ms: result['Execution Time'],
    };
  } finally {
    await client.query('rollback');
    client.release();
  }
}

const jobsAdded: unknown[][] = [];
const helpers = {
  addJobs: (jobs: unknown[]) => {
    jobsAdded.push(jobs);
    return Promise.resolve([]);
  },
  logger: { info: () => undefined },
} as unknown as JobHelpers;

describe('what the channels cost each minute, with a few hundred organisations', () => {
  it('schedules every organisation’s file and alert with one statement over the directory, and queues them in one', async () => {
    statements.length = 0;
    await createScheduleOrganisationChannelsTask({ db: logged })({ _cron: { ts: '2026-03-10T18:00:00Z' } }, helpers);
    expect(statements).toHaveLength(1);
    const [schedule] = statements;
    if (!schedule) throw new Error('no statement');
    // It reads the directory's own tables (a row per organisation: a few pages), never one that
    // grows with reports; at this size Postgres reads them whole rather than by an index.
    expect((await cost(schedule)).tablesScanned.sort()).toEqual(['organisation_settings', 'organisations']);
    // Every organisation alerted at once (a quarter) and every file due at 18:00 (an eighth), in one call.
    expect(jobsAdded).toHaveLength(1);
    expect(jobsAdded[0]).toHaveLength(ORGANISATIONS / 4 + ORGANISATIONS / 8);
  });

  it('finds an organisation’s unsent alert and counts what is new in its inbox, reading neither’s history', async () => {
    const { rows } = await sql<{ id: string; kind: 'gp-practice' }>`
      select o.id, o.kind from organisations o join organisation_settings s on s.organisation_id = o.id
      where s.alert_email is not null limit 1
    `.execute(t.database.db);
    const organisation = rows[0];
    if (!organisation) throw new Error('no organisation with an alert');
    statements.length = 0;
    expect(await findQueuedAlert(logged, organisation)).toBeUndefined();
    const written = await writeNextAlert(logged, organisation);
    expect(written?.notifications).toBe(NEW_EACH);
    // Measured as they ran: before the alert they wrote.
    await t.database.db
      .deleteFrom('agency_alerts')
      .where('id', '=', written?.id ?? '')
      .execute();
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      const measured = await cost(statement);
      expect(measured.tablesScanned, statement.sql).toEqual([]);
      // At most the one aggregate row with nothing new is thrown away: no row of the history is read.
      expect(measured.rowsThrownAway, statement.sql).toBeLessThanOrEqual(1);
    }
  });
});
