import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMigrator, migrateToLatest, migrationsAreCurrent } from '../../server/src/db/migrator.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('migrations', () => {
  it('are current on a migrated database, and applying them again changes nothing', async () => {
    expect(await migrationsAreCurrent(database.db)).toBe(true);
    const steps: string[] = [];
    const result = await migrateToLatest(database.db, (message) => steps.push(message));
    expect(result.results).toEqual([]);
    expect(steps).toEqual(['Database is up to date.']);
  });

  it('let an older build start on a database a newer release has migrated (rolling deploy, rollback)', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-0001-from-the-future', now())`.execute(
      database.db,
    );
    const steps: string[] = [];
    await expect(migrateToLatest(database.db, (message) => steps.push(message))).resolves.toEqual({ results: [] });
    expect(steps).toEqual(['The database is ahead of this build (2099-01-01-0001-from-the-future); not migrating.']);
  });

  it('upgrade an install of the four agencies: kind ids wherever ids are stored (not the append-only audit log), each row owned by its kind’s fallback organisation; and back', async () => {
    // A database of its own: the test above leaves a migration from the future in this file's.
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    const db = own.db;
    const migrator = createMigrator(db);
    const beforeDirectory = '2026-11-23-0010-saved-journeys';
    expect((await migrator.migrateTo(beforeDirectory)).error).toBeUndefined();
    const envelope = {
      consent: [
        { agency: 'council', given: true, purposeText: 'So the council knows' },
        { agency: 'nhs', given: true, purposeText: 'So the GP knows' },
        { agency: 'housing', given: false, purposeText: 'So the landlord knows' },
      ],
      answers: { fullName: 'nhs', services: ['housing'] },
    };
    const submission = await sql<{ id: string }>`insert into submissions
      (reference, life_event, channel, language, schema_version, envelope, tracking_secret_hash, submitted_at)
      values ('TUO-MIGRATE-KINDS', 'someone-died', 'online', 'en', 1, ${JSON.stringify(envelope)}::jsonb, 'x', now())
      returning id`.execute(db);
    const submissionId = submission.rows[0]?.id ?? '';
    await sql`insert into deliveries (submission_id, agency, transport, status, status_changed_at, created_at)
      values (${submissionId}, 'nhs', 'inbox', 'delivered', now(), now()), (${submissionId}, 'council', 'inbox', 'delivered', now(), now())`.execute(
      db,
    );
    await sql`insert into agency_api_keys (agency, name, prefix, key_hash) values ('housing', 'Housing system', 'tuo_housing_', 'hash-1')`.execute(
      db,
    );
    await sql`insert into staff_users (email, role, password_hash, agency) values ('gp@example.org', 'agency-user', 'x', 'nhs')`.execute(
      db,
    );
    await sql`insert into agency_webhook_secrets (agency, sealed_secret) values ('nhs', 'sealed')`.execute(db);
    await sql`insert into audit_events (actor_type, action, submission_id, detail)
      values ('system', 'submission.accepted', ${submissionId}, ${JSON.stringify({ agencies: ['council', 'nhs', 'housing'], lifeEvent: 'someone-died' })}::jsonb),
             ('agency-user', 'notification.acknowledged', ${submissionId}, ${JSON.stringify({ agency: 'housing', deliveryId: 'd1' })}::jsonb)`.execute(
      db,
    );
    const journey = {
      answers: { fullName: 'housing' },
      consent: { offered: ['council', 'nhs', 'housing'], chosen: ['nhs'] },
    };
    await sql`insert into sessions (sid, data, expires_at)
      values ('migrate-kinds', ${JSON.stringify({ journeys: { 'someone-died': journey }, submitted: { agencies: ['housing'] } })}::jsonb, now() + interval '1 day')`.execute(
      db,
    );
    await sql`insert into saved_journeys (life_event, page_id, answers, expires_at)
      values ('someone-died', 'check', ${JSON.stringify(journey)}::jsonb, now() + interval '1 day')`.execute(db);

    const stored = async () => ({
      deliveries: (
        await sql<{
          agency: string;
        }>`select agency from deliveries where submission_id = ${submissionId} order by agency`.execute(db)
      ).rows.map((r) => r.agency),
      keys: (await sql<{ agency: string }>`select agency from agency_api_keys`.execute(db)).rows.map((r) => r.agency),
      users: (
        await sql<{ agency: string }>`select agency from staff_users where agency is not null`.execute(db)
      ).rows.map((r) => r.agency),
      secrets: (await sql<{ agency: string }>`select agency from agency_webhook_secrets`.execute(db)).rows.map(
        (r) => r.agency,
      ),
      envelope: (
        await sql<{ envelope: unknown }>`select envelope from submissions where id = ${submissionId}`.execute(db)
      ).rows[0]?.envelope,
      audit: (
        await sql<{
          detail: unknown;
        }>`select detail from audit_events where submission_id = ${submissionId} order by action desc`.execute(db)
      ).rows.map((r) => r.detail),
      session: (await sql<{ data: unknown }>`select data from sessions where sid = 'migrate-kinds'`.execute(db)).rows[0]
        ?.data,
      saved: (await sql<{ answers: unknown }>`select answers from saved_journeys`.execute(db)).rows[0]?.answers,
    });
    const before = await stored();

    expect((await migrateToLatest(db, () => undefined)).results?.every((r) => r.status === 'Success')).toBe(true);
    const fallbacks = await sql<{
      kind: string;
      owners: string[];
    }>`select o.kind, array(select d.id::text from deliveries d where d.organisation_id = o.id
          union all select k.id::text from agency_api_keys k where k.organisation_id = o.id
          union all select u.id::text from staff_users u where u.organisation_id = o.id
          union all select w.id::text from agency_webhook_secrets w where w.organisation_id = o.id) as owners
      from organisations o where o.fallback order by o.kind`.execute(db);
    expect(fallbacks.rows.map((r) => [r.kind, r.owners.length])).toEqual([
      ['council', 1],
      ['gp-practice', 3],
      ['housing-provider', 1],
      ['jobcentre', 0],
    ]);
    const kindJourney = {
      answers: { fullName: 'housing' },
      consent: { offered: ['council', 'gp-practice', 'housing-provider'], chosen: ['gp-practice'] },
    };
    expect(await stored()).toEqual({
      deliveries: ['council', 'gp-practice'],
      keys: ['housing-provider'],
      users: ['gp-practice'],
      secrets: ['gp-practice'],
      envelope: {
        consent: [
          { agency: 'council', given: true, purposeText: 'So the council knows' },
          { agency: 'gp-practice', given: true, purposeText: 'So the GP knows' },
          { agency: 'housing-provider', given: false, purposeText: 'So the landlord knows' },
        ],
        // The resident's answers are never ids, whatever they say.
        answers: { fullName: 'nhs', services: ['housing'] },
      },
      // The audit log is append-only: it says what was done, in the ids of the day.
      audit: before.audit,
      session: { journeys: { 'someone-died': kindJourney }, submitted: { agencies: ['housing-provider'] } },
      saved: kindJourney,
    });

    expect((await migrator.migrateTo(beforeDirectory)).error).toBeUndefined();
    expect(await stored()).toEqual(before);
    await migrateToLatest(db, () => undefined);
  });

  it('drop the empty clear dates-of-birth search column, and put it back empty on the way down', async () => {
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    const columns = async () =>
      (
        await sql<{ name: string }>`
          select column_name as name from information_schema.columns
          where table_name = 'submission_search' order by column_name`.execute(own.db)
      ).rows.map((row) => row.name);
    expect(await columns()).not.toContain('dates_of_birth');
    expect((await createMigrator(own.db).migrateTo('2026-12-01-0800-saved-journeys-submitted')).error).toBeUndefined();
    expect(await columns()).toContain('dates_of_birth');
    await migrateToLatest(own.db, () => undefined);
    expect(await columns()).not.toContain('dates_of_birth');
    expect(await columns()).toContain('identifier_hashes');
  });

  it('make deliveries one per organisation with a role (a move tells two councils), and one per kind again on the way down', async () => {
    const own = await createTestDatabase();
    onTestFinished(() => own.drop());
    const constraints = async () =>
      (
        await sql<{ name: string }>`
          select conname as name from pg_constraint where conrelid = 'deliveries'::regclass and contype = 'u'
          order by conname`.execute(own.db)
      ).rows.map((row) => row.name);
    const columns = async () =>
      (
        await sql<{ name: string }>`
          select column_name as name from information_schema.columns where table_name = 'deliveries'`.execute(own.db)
      ).rows.map((row) => row.name);
    expect(await constraints()).toContain('deliveries_submission_organisation_key');
    expect(await constraints()).not.toContain('deliveries_submission_agency_key');
    expect(await columns()).toContain('role');
    expect((await createMigrator(own.db).migrateTo('2026-12-02-0900-figures-by-day')).error).toBeUndefined();
    expect(await constraints()).toContain('deliveries_submission_agency_key');
    expect(await constraints()).not.toContain('deliveries_submission_organisation_key');
    expect(await columns()).not.toContain('role');
    await migrateToLatest(own.db, () => undefined);
    expect(await constraints()).toContain('deliveries_submission_organisation_key');
  });
});
