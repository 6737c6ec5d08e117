import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkedColumns } from '../../server/src/db/checked-columns.js';
import { checkName, columnKey, readColumnChecks, type ValueListCheck } from '../../server/src/db/column-checks.js';
import { columnCheckChanges } from '../../server/src/db/column-checks-migration.js';
import { createMigrator, migrateToLatest } from '../../server/src/db/migrator.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let checks: Map<string, ValueListCheck[]>;
beforeAll(async () => {
  database = await createTestDatabase();
  checks = await readColumnChecks(database.db, checkedColumns);
});
afterAll(async () => {
  await database.drop();
});

// Before the first value-list check migration: the columns kept their own checks, or none.
const beforeChecks = '2026-12-02-2000-organisation-channels';

describe('column checks', () => {
  it.each(checkedColumns.map((column) => [columnKey(column), column] as const))(
    '%s allows exactly its shared list (a value added without a migration fails here)',
    (_key, column) => {
      expect(checks.get(columnKey(column))).toEqual([{ name: checkName(column), values: [...column.values] }]);
    },
  );

  it('leave nothing for `npm run db:column-checks` to write', () => {
    expect(columnCheckChanges(checkedColumns, checks)).toEqual([]);
  });

  it('refuse an organisation of a kind the portal does not know, a status and an array element likewise', async () => {
    const db = database.db;
    await expect(
      sql`insert into organisations (kind, name) values ('ferry-operator', 'Ferries')`.execute(db),
    ).rejects.toThrow(/organisations_kind_values/);
    const submission = await sql<{ id: string }>`insert into submissions
      (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at)
      values ('TUO-CHECKS', 'someone-died', 'online', 'en', 1, '{}'::jsonb, 'x', now()) returning id`.execute(db);
    const submissionId = submission.rows[0]?.id ?? '';
    await sql`insert into deliveries (submission_id, agency, organisation_id, status, status_changed_at, created_at)
      select ${submissionId}, kind, id, 'queued', now(), now() from organisations where kind = 'council' and fallback`.execute(
      db,
    );
    await expect(sql`update deliveries set status = 'lost'`.execute(db)).rejects.toThrow(/deliveries_status_values/);
    await expect(sql`update submissions set channel = 'fax'`.execute(db)).rejects.toThrow(/submissions_channel_values/);
    await expect(
      sql`insert into figures_report_days (day, life_event, channel, told, told_agencies, n)
        values ('2026-12-01', 'someone-died', 'online', 2, array['council', 'ferry-operator'], 1)`.execute(db),
    ).rejects.toThrow(/figures_report_days_told_agencies_values/);
    await expect(
      sql`insert into saved_journeys (life_event, page_id, expires_at) values ('retiring', 'start', now())`.execute(db),
    ).rejects.toThrow(/saved_journeys_life_event_values/);
    const statuses = await sql<{ status: string }>`select status from deliveries`.execute(db);
    expect(statuses.rows).toEqual([{ status: 'queued' }]);
  });

  it('stop at a row holding an unknown value, naming the column and the value, and keep the row', async () => {
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    expect((await createMigrator(own.db).migrateTo(beforeChecks)).error).toBeUndefined();
    await sql`insert into saved_journeys (life_event, page_id, expires_at) values ('retiring', 'start', now() + interval '1 day')`.execute(
      own.db,
    );

    const refused = await createMigrator(own.db).migrateToLatest();
    expect(String(refused.error)).toMatch(/saved_journeys\.life_event holds retiring, not one of someone-died, /);
    const kept = await sql<{ life_event: string }>`select life_event from saved_journeys`.execute(own.db);
    expect(kept.rows).toEqual([{ life_event: 'retiring' }]);

    // Migrated deliberately (here: to a life event the portal knows), the checks go on.
    await sql`update saved_journeys set life_event = 'someone-died' where life_event = 'retiring'`.execute(own.db);
    expect((await migrateToLatest(own.db, () => undefined)).error).toBeUndefined();
    expect(columnCheckChanges(checkedColumns, await readColumnChecks(own.db, checkedColumns))).toEqual([]);
  });

  it('check the columns typed last (transport, erasure kind, messages, codes, actors): rows of every value pass, and down puts back what was', async () => {
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    const before = '2026-12-03-0600-figures-kept-by-change';
    expect((await createMigrator(own.db).migrateTo(before)).error).toBeUndefined();
    const db = own.db;
    const submission = await sql<{ id: string }>`insert into submissions
      (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at, answers_erased_at, erasure_kind)
      values ('TUO-TYPED', 'someone-died', 'online', 'en', 1, '{}'::jsonb, 'x', now(), now(), 'unconfirmed') returning id`.execute(
      db,
    );
    const id = submission.rows[0]?.id ?? '';
    for (const transport of ['webhook', 'inbox', 'file'])
      await sql`insert into deliveries (submission_id, agency, organisation_id, status, status_changed_at, created_at, transport)
        select ${id}, kind, id, 'delivered', now(), now(), ${transport} from organisations where fallback
        and kind = ${transport === 'webhook' ? 'council' : transport === 'inbox' ? 'gp-practice' : 'jobcentre'}`.execute(
        db,
      );
    for (const [kind, channel, status] of [
      ['confirmation', 'email', 'held'],
      ['confirmation', 'sms', 'queued'],
      ['confirmation', 'email', 'sending'],
      ['confirmation', 'email', 'sent'],
      ['confirmation', 'email', 'recorded'],
      ['confirmation', 'email', 'failed'],
      ['confirmation-code', 'sms', 'expired'],
    ])
      await sql`insert into resident_messages (submission_id, kind, channel, status, created_at, updated_at)
        values (${id}, ${kind}, ${channel}, ${status}, now(), now())`.execute(db);
    await sql`insert into confirmation_codes (id, submission_id, channel, code_hash, recipient_hash, address_hash, created_at, expires_at)
      values (gen_random_uuid(), ${id}, 'sms', 'c', 'r', 'a', now(), now())`.execute(db);
    for (const actor of ['resident', 'staff', 'agency', 'agency-user', 'submitter', 'system'])
      await sql`insert into audit_events (actor_type, action, submission_id) values (${actor}, 'checked', ${id})`.execute(
        db,
      );

    expect((await migrateToLatest(db, () => undefined)).error).toBeUndefined();
    await expect(sql`update deliveries set transport = 'fax'`.execute(db)).rejects.toThrow(
      /deliveries_transport_values/,
    );
    await expect(sql`update submissions set erasure_kind = 'forgotten'`.execute(db)).rejects.toThrow(
      /submissions_erasure_kind_values/,
    );
    await expect(sql`update resident_messages set kind = 'newsletter'`.execute(db)).rejects.toThrow(
      /resident_messages_kind_values/,
    );
    await expect(sql`update resident_messages set channel = 'post'`.execute(db)).rejects.toThrow(
      /resident_messages_channel_values/,
    );
    await expect(sql`update resident_messages set status = 'lost'`.execute(db)).rejects.toThrow(
      /resident_messages_status_values/,
    );
    await expect(sql`update confirmation_codes set channel = 'post'`.execute(db)).rejects.toThrow(
      /confirmation_codes_channel_values/,
    );
    await expect(
      sql`insert into audit_events (actor_type, action) values ('robot', 'checked')`.execute(db),
    ).rejects.toThrow(/audit_events_actor_type_values/);

    expect((await createMigrator(db).migrateTo(before)).error).toBeUndefined();
    const down = await readColumnChecks(db, checkedColumns);
    expect(down.get('deliveries.transport')).toEqual([]);
    expect(down.get('resident_messages.status')).toEqual([]);
    expect(down.get('audit_events.actor_type')).toEqual([]);
    expect(down.get('submissions.erasure_kind')).toEqual([
      { name: 'submissions_erasure_kind_check', values: ['retention', 'request', 'unconfirmed'] },
    ]);
    expect(down.get('confirmation_codes.channel')).toEqual([
      { name: 'confirmation_codes_channel_check', values: ['email', 'sms'] },
    ]);
    const kept = await sql<{ n: number }>`select count(*)::int as n from resident_messages`.execute(db);
    expect(kept.rows).toEqual([{ n: 7 }]);
  });

  it('put back the checks the columns had before on the way down', async () => {
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    expect((await createMigrator(own.db).migrateTo(beforeChecks)).error).toBeUndefined();
    const before = await readColumnChecks(own.db, checkedColumns);
    expect(before.get('organisations.kind')).toEqual([
      { name: 'organisations_kind_check', values: ['council', 'gp-practice', 'housing-provider', 'jobcentre'] },
    ]);
    expect(before.get('deliveries.agency')).toEqual([]);
    // The check of agency and role together is not a value list, and stays as it was.
    const agencyRole = await sql<{ n: number }>`select count(*)::int as n from pg_constraint
      where conname = 'staff_users_agency_check'`.execute(own.db);
    expect(agencyRole.rows).toEqual([{ n: 1 }]);
  });
});
