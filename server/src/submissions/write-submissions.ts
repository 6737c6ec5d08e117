import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { SubmissionRows } from './submission-rows.js';

/** Each table's rows of many submissions, as one JSON parameter for `jsonb_to_recordset`. */
const rowsOf = <T>(items: readonly SubmissionRows[], pick: (item: SubmissionRows) => T[]) =>
  JSON.stringify(items.flatMap(pick));

/**
 * Writes the rows of many submissions in ONE statement (data-modifying CTEs, one multi-row insert
 * per table), which Postgres runs as one transaction with one commit: all of it or none of it.
 * Idempotency records go first, in key order (so two such statements never wait on each other in
 * a cycle); a submission's other rows are written only if its key was free (or it has none). A key
 * held by a transaction still running makes this statement wait for it, then skip that submission.
 * Each submission's rows hang on its own `submissions` row, so none is half-written.
 * Returns the ids of the submissions written; the caller gives no two items the same key.
 */
export async function writeSubmissions(db: Kysely<Database>, items: readonly SubmissionRows[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const result = await writeSubmissionsSql(items).execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** The statement {@link writeSubmissions} runs, returning the ids written (also for EXPLAIN, in the bench's profile). */
export function writeSubmissionsSql(items: readonly SubmissionRows[]): RawBuilder<{ id: string }> {
  const submissions = rowsOf(items, (item) => [{ ...item.submission, claim_key: item.claim?.key ?? null }]);
  const claims = rowsOf(items, (item) => (item.claim ? [item.claim] : []));
  const deliveries = rowsOf(items, (item) =>
    item.deliveries.map((d) => ({ ...d, submission_id: item.submission.id, at: item.submission.submitted_at })),
  );
  const messages = rowsOf(items, (item) =>
    item.messages.map((m) => ({ ...m, submission_id: item.submission.id, at: item.submission.submitted_at })),
  );
  // The code itself is never stored: only its keyed hash.
  const codes = rowsOf(items, ({ code, submission }) =>
    code ? [{ ...code, code: undefined, submission_id: submission.id }] : [],
  );
  const jobs = rowsOf(items, (item) => item.jobs.map((j) => ({ ...j, submission_id: item.submission.id })));
  const audits = rowsOf(items, (item) => [
    {
      actor_type: item.audit.actor.type,
      actor_id: item.audit.actor.id ?? null,
      address: item.audit.actor.address ?? null,
      action: item.audit.action,
      submission_id: item.submission.id,
      detail: item.audit.detail ?? {},
    },
  ]);
  const search = rowsOf(items, (item) => [{ ...item.search, submission_id: item.submission.id }]);
  return sql<{ id: string }>`
    with claim as (
      insert into idempotency_keys (key, request_hash, response)
      select c.key, c."requestHash", c.response
      from jsonb_to_recordset(${claims}::jsonb) as c(key text, "requestHash" text, response text)
      order by c.key
      on conflict (key) do nothing
      returning key
    ),
    s as (
      insert into submissions (id, reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, protected_key_id, confirmation, verification_checks)
      select i.id, i.reference, i.life_event, i.channel, i.language, i.schema_version, i.envelope, i.tracking_secret_hash,
        i.submitted_at, i.protected_key_id, i.confirmation, i.verification_checks
      from jsonb_to_recordset(${submissions}::jsonb) as i(id uuid, reference text, life_event text, channel text,
        language text, schema_version int, envelope jsonb, tracking_secret_hash text, submitted_at timestamptz,
        protected_key_id text, confirmation text, verification_checks jsonb, claim_key text)
      where i.claim_key is null or i.claim_key in (select key from claim)
      returning id
    ),
    d as (
      -- The transport is set by the worker that delivers, from its own configuration. A queued
      -- delivery's first attempt is due at once: the dispatcher claims it straight from this row,
      -- with no queue job to write now and move later (a held one is made due when released).
      insert into deliveries (id, submission_id, agency, organisation_id, role, status, held_for, status_changed_at, created_at, due_at)
      select d.id, d.submission_id, d.agency, d.organisation_id, d.role, d.status, d.held_for, d.at, d.at,
        case when d.status = 'queued' then now() end
      from jsonb_to_recordset(${deliveries}::jsonb) as d(id uuid, submission_id uuid, agency text,
        organisation_id uuid, role text, status text, held_for text, at timestamptz)
      join s on s.id = d.submission_id
    ),
    m as (
      insert into resident_messages (id, submission_id, kind, channel, status, personalisation, created_at, updated_at)
      select m.id, m.submission_id, m.kind, m.channel, m.status, m.personalisation, m.at, m.at
      from jsonb_to_recordset(${messages}::jsonb) as m(id uuid, submission_id uuid, kind text, channel text,
        status text, personalisation jsonb, at timestamptz)
      join s on s.id = m.submission_id
    ),
    c as (
      insert into confirmation_codes (id, submission_id, channel, code_hash, recipient_hash, address_hash, created_at, expires_at)
      select c.id, c.submission_id, c.channel, c."codeHash", c."recipientHash", c."addressHash", c."createdAt", c."expiresAt"
      from jsonb_to_recordset(${codes}::jsonb) as c(id uuid, submission_id uuid, channel text, "codeHash" text,
        "recipientHash" text, "addressHash" text, "createdAt" timestamptz, "expiresAt" timestamptz)
      join s on s.id = c.submission_id
    ),
    o as (
      insert into outbox (task, payload, job_key)
      select j.task, j.payload, j.job_key
      from jsonb_to_recordset(${jobs}::jsonb) as j(task text, payload jsonb, job_key text, submission_id uuid)
      join s on s.id = j.submission_id
    ),
    a as (
      insert into audit_events (actor_type, actor_id, address, action, submission_id, detail)
      select a.actor_type, a.actor_id, a.address, a.action, a.submission_id, a.detail
      from jsonb_to_recordset(${audits}::jsonb) as a(actor_type text, actor_id text, address text, action text,
        submission_id uuid, detail jsonb)
      join s on s.id = a.submission_id
    ),
    search as (
      insert into submission_search (submission_id, reference, names, postcodes, identifier_hashes)
      select x.submission_id, x.reference, x.names, x.postcodes, x.identifier_hashes
      from jsonb_to_recordset(${search}::jsonb) as x(submission_id uuid, reference text, names text,
        postcodes text, identifier_hashes text[])
      join s on s.id = x.submission_id
    )
    select id from s
  `;
}
