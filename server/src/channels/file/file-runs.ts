import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { OrganisationScope } from '../../organisations/organisation-scope.js';
import type { ProtectedValues } from '../../privacy/protected-values.js';
import type { FileRecord } from './agency-file.js';

/** A run whose records are claimed and whose file is yet to be uploaded. */
export interface ClaimedRun {
  id: string;
  fileName: string;
  format: 'csv' | 'xml';
  createdAt: Date;
}

/** The most notifications one file holds; more wait for the next file, made straight after. */
export const fileRunLimit = 5000;

const runColumns = sql`id::text as id, file_name as "fileName", format, created_at as "createdAt"`;

/** The organisation's run left unfinished (its worker died, or the upload failed), to resume first. */
export async function findClaimedRun(
  db: Kysely<Database>,
  organisation: OrganisationScope,
): Promise<ClaimedRun | undefined> {
  const rows = await sql<ClaimedRun>`
    select ${runColumns} from file_runs where organisation_id = ${organisation.id} and status = 'claimed' order by id limit 1
  `.execute(db);
  return rows.rows[0];
}

/**
 * Starts a run: in one transaction, a run row with its deterministic file name, and the
 * notifications waiting for the organisation's file claimed into it (a notification joins one run
 * only, whatever else runs at once). Nothing waiting: no run.
 */
export async function claimRun(
  db: Kysely<Database>,
  organisation: OrganisationScope,
  format: 'csv' | 'xml',
  limit = fileRunLimit,
): Promise<ClaimedRun | undefined> {
  return db.transaction().execute(async (trx) => {
    // The id is taken first, so the file name (which holds it) is written with the row.
    const created = await sql<ClaimedRun>`
      with next as (select nextval(pg_get_serial_sequence('file_runs', 'id')) as id, now() as at)
      insert into file_runs (id, agency, organisation_id, format, file_name, status, record_count, created_at)
      select next.id, ${organisation.kind}, ${organisation.id}, ${format},
        'tell-us-once_' || ${organisation.kind}::text || '_' || to_char(next.at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"')
          || '_' || lpad(next.id::text, 6, '0') || '.' || ${format}::text,
        'claimed', 0, next.at
      from next
      returning ${runColumns}
    `.execute(trx);
    const run = created.rows[0];
    if (!run) throw new Error('The file run was not created');
    const claimed = await sql<{ count: string }>`
      with waiting as (
        select id from deliveries
        where organisation_id = ${organisation.id} and transport = 'file' and status = 'queued' and file_run_id is null and payload is not null
        order by created_at, id limit ${limit} for update skip locked
      ),
      claimed as (
        update deliveries set file_run_id = ${run.id}, status = 'sending', status_changed_at = now()
        from waiting where deliveries.id = waiting.id returning deliveries.id
      ),
      event as (
        insert into delivery_events (delivery_id, status, at, detail)
        select id, 'sending', now(), ${`In file ${run.fileName}`} from claimed
      ),
      counted as (update file_runs set record_count = (select count(*) from claimed) where id = ${run.id})
      select count(*)::text as count from claimed
    `.execute(trx);
    if (Number(claimed.rows[0]?.count ?? 0) === 0) {
      await sql`delete from file_runs where id = ${run.id}`.execute(trx);
      return undefined;
    }
    return run;
  });
}

/** A run's records, in the order they were claimed, their payloads opened (sealed at rest). */
export async function runRecords(db: Kysely<Database>, privacy: ProtectedValues, runId: string): Promise<FileRecord[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['id', 'payload'])
    .where('file_run_id', '=', runId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) =>
    // Erased by staff since it was claimed: nothing is left to send.
    row.payload === null ? [] : [{ deliveryId: row.id, payload: privacy.openPayload(row.payload) }],
  );
}

/** An upload that did not work: kept on the run and on its notifications, for staff to see. */
export async function noteRunFailure(db: Kysely<Database>, runId: string, error: string): Promise<void> {
  await sql`
    with run as (update file_runs set attempts = attempts + 1, last_error = ${error} where id = ${runId} and status = 'claimed' returning id)
    update deliveries set last_error = ${`${error}; will try again`} where file_run_id = (select id from run) and status = 'sending'
  `.execute(db);
}

/**
 * Marks a run uploaded and each of its notifications delivered (into the agency's inbox too),
 * with an attempt and an event each, in one statement; only while the run is still claimed, so
 * a late duplicate of a finished run changes nothing.
 */
export async function finishRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  file: { sha256: string; recordCount: number },
  started: Date,
): Promise<number> {
  const finished = new Date();
  const result = await sql<{ count: string }>`
    with run as (
      update file_runs set status = 'uploaded', sha256 = ${file.sha256}, record_count = ${file.recordCount},
        attempts = attempts + 1, last_error = null, uploaded_at = ${finished}
      where id = ${run.id} and status = 'claimed' returning id
    ),
    moved as (
      update deliveries set status = 'delivered', status_changed_at = ${finished}, attempts = attempts + 1,
        last_error = null, next_attempt_at = null, delivered_at = ${finished},
        inbox_xid = pg_current_xact_id(), inbox_seq = nextval('inbox_seq')
      where file_run_id = (select id from run) and status = 'sending'
      returning id, attempts
    ),
    attempt_rows as (
      insert into delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, error)
      select id, attempts, ${started}, ${finished.getTime() - started.getTime()}, 'delivered', null, null from moved
    ),
    event as (
      insert into delivery_events (delivery_id, status, at, detail)
      select id, 'delivered', ${finished}, ${`Sent to the agency in file ${run.fileName}`} from moved
    )
    select count(*)::text as count from moved
  `.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Makes the organisation's notifications still waiting for a file (none claimed into a run) due
 * again now, for when it is no longer told by scheduled file: the next attempt takes its new channel.
 */
export async function releaseWaitingForFile(db: Kysely<Database>, organisationId: string): Promise<void> {
  await sql`
    update deliveries set due_at = now()
    where organisation_id = ${organisationId} and transport = 'file' and status = 'queued' and file_run_id is null
  `.execute(db);
}
