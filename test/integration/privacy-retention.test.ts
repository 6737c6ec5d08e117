import { exampleSubmissions, type LifeEventId } from '@tuo/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceNotification } from '../../server/src/agency/agency-inbox.js';
import { eraseExpiredAnswers } from '../../server/src/jobs/erase-expired-answers-task.js';
import { eraseAnswers } from '../../server/src/privacy/answers-erasure.js';
import { cronItems, ERASE_EXPIRED_ANSWERS } from '../../server/src/jobs/job-names.js';
import { createTaskList } from '../../server/src/jobs/task-list.js';
import { personalValues } from '../support/personal-values.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { submitConfirmed } from '../support/confirm-submission.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function submit(lifeEvent: LifeEventId): Promise<{ id: string; reference: string }> {
  const res = await submitConfirmed(t.app, exampleSubmissions[lifeEvent]);
  expect(res.statusCode, res.body).toBe(201);
  const { reference } = res.json<{ reference: string }>();
  const { id } = await t.database.db
    .selectFrom('submissions')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { id, reference };
}

/** Moves a submission and its deliveries `days` into the past, with every delivery in `status`. */
async function age(id: string, days: number, status: string, transport = 'inbox') {
  await sql`update submissions set submitted_at = now() - make_interval(days => ${days}) where id = ${id}`.execute(
    t.database.db,
  );
  await sql`update deliveries set status = ${status}, transport = ${transport}, status_changed_at = now() - make_interval(days => ${days}), outcome = 'Closed the account of Margaret O''Brien' where submission_id = ${id}`.execute(
    t.database.db,
  );
}

/** Every row held about a submission, as text. */
async function everythingAbout(id: string): Promise<string> {
  const rows = await sql<{ row: unknown }>`
    select row_to_json(x) as row from (
      select to_jsonb(s) as r from submissions s where s.id = ${id}
      union all select to_jsonb(d) from deliveries d where d.submission_id = ${id}
      union all select to_jsonb(e) from delivery_events e join deliveries d on d.id = e.delivery_id where d.submission_id = ${id}
      union all select to_jsonb(ss) from submission_search ss where ss.submission_id = ${id}
      union all select to_jsonb(m) from resident_messages m where m.submission_id = ${id}
      union all select to_jsonb(n) from case_notes n where n.submission_id = ${id}
      union all select to_jsonb(c) from chase_requests c where c.submission_id = ${id}
      union all select to_jsonb(a) from audit_events a where a.submission_id = ${id}
    ) x`.execute(t.database.db);
  return JSON.stringify(rows.rows);
}

describe('retention', () => {
  it('erases every personal field of a submission past its retention date and keeps its skeleton; twice at once does no harm', async () => {
    const expired = await submit('someone-died');
    const waitingInInbox = await submit('baby-born');
    const recent = await submit('moving-home');
    const webhookAccepted = await submit('change-in-work-or-income');
    await age(expired.id, 100, 'acknowledged');
    await age(waitingInInbox.id, 100, 'delivered', 'inbox');
    await age(recent.id, 10, 'actioned');
    await age(webhookAccepted.id, 95, 'delivered', 'webhook');
    const before = await t.database.db
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', expired.id)
      .executeTakeFirstOrThrow();
    // A resident asked us to chase, in words that name the person who died.
    const chased = await t.database.db
      .selectFrom('deliveries')
      .select('id')
      .where('submission_id', '=', expired.id)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('chase_requests')
      .values({
        delivery_id: chased.id,
        submission_id: expired.id,
        target: 'acknowledge',
        status: 'resolved',
        resident_note: 'Please chase for Margaret',
        requested_at: new Date(),
        staff_note: 'Chased for Margaret',
        handled_at: new Date(),
      })
      .execute();
    // The check below can see a personal value when there is one.
    expect(await everythingAbout(expired.id)).toContain('Margaret');
    const deliveriesBefore = await t.database.db
      .selectFrom('deliveries')
      .select(['agency', 'status', 'status_changed_at'])
      .where('submission_id', '=', expired.id)
      .orderBy('agency')
      .execute();

    // Two workers' runs at once: each submission is erased exactly once.
    const [first, second] = await Promise.all([
      eraseExpiredAnswers(t.database.db, 90),
      eraseExpiredAnswers(t.database.db, 90),
    ]);
    expect(first + second).toBe(2);
    expect(await eraseExpiredAnswers(t.database.db, 90)).toBe(0);

    const after = await t.database.db
      .selectFrom('submissions')
      .selectAll()
      .where('id', '=', expired.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      reference: before.reference,
      life_event: 'someone-died',
      channel: 'online',
      language: 'en',
      submitted_at: before.submitted_at,
      erasure_kind: 'retention',
      erasure_reason: null,
    });
    expect(after.answers_erased_at).toBeInstanceOf(Date);
    const envelope = after.envelope as { answers: object; consent: unknown[]; reference: string };
    expect(envelope.answers).toEqual({});
    expect(envelope.consent).toEqual((before.envelope as { consent: unknown[] }).consent);
    expect(
      await t.database.db
        .selectFrom('deliveries')
        .select(['agency', 'status', 'status_changed_at'])
        .where('submission_id', '=', expired.id)
        .orderBy('agency')
        .execute(),
    ).toEqual(deliveriesBefore);

    const held = await everythingAbout(expired.id);
    for (const value of personalValues('someone-died', exampleSubmissions['someone-died'].answers))
      expect(held, value).not.toContain(value);
    expect(held).toContain(before.reference);

    const audits = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'submission_id', 'detail'])
      .where('action', '=', 'submission.answers-erased')
      .orderBy('id')
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        { actor_type: 'system', submission_id: expired.id, detail: { kind: 'retention', retentionDays: 90 } },
        expect.objectContaining({ submission_id: webhookAccepted.id }),
      ]),
    );
    expect(audits).toHaveLength(2);

    // Still waiting in an inbox, or recent: untouched.
    for (const kept of [waitingInInbox, recent]) {
      const row = await t.database.db
        .selectFrom('submissions')
        .select(['answers_erased_at', 'envelope'])
        .where('id', '=', kept.id)
        .executeTakeFirstOrThrow();
      expect(row.answers_erased_at).toBeNull();
      expect(Object.keys((row.envelope as { answers: object }).answers).length).toBeGreaterThan(3);
    }
  });

  it('keeps no agency outcome written about a submission after its data is erased', async () => {
    const { id } = await submit('moving-home');
    await age(id, 100, 'delivered');
    await sql`update deliveries set delivered_at = now(), inbox_xid = pg_current_xact_id(), inbox_seq = nextval('inbox_seq'), outcome = null where submission_id = ${id}`.execute(
      t.database.db,
    );
    await eraseAnswers(
      t.database.db,
      sql`select id from submissions where id = ${id} and answers_erased_at is null for update`,
      { kind: 'request', actor: { type: 'system' }, reason: 'test' },
    );
    const delivery = await t.database.db
      .selectFrom('deliveries')
      .select(['id', 'agency', 'organisation_id'])
      .where('submission_id', '=', id)
      .where('status', '=', 'delivered')
      .executeTakeFirstOrThrow();
    const done = await advanceNotification(
      t.database.db,
      testProtectedValues(),
      { id: delivery.organisation_id, kind: delivery.agency },
      delivery.id,
      'actioned',
      { type: 'system' },
      { outcome: 'Moved the account for Margaret' },
    );
    expect(done).toMatchObject({ status: 'actioned', outcome: null });
    expect(await everythingAbout(id)).not.toContain('Margaret');
  });

  it('shows staff the skeleton and that the answers were erased', async () => {
    const { id, reference } = await submit('someone-moving-in-or-out');
    await age(id, 120, 'actioned');
    expect(await eraseExpiredAnswers(t.database.db, 90)).toBe(1);
    const adviser = await createTestStaff(t.database.db, 'adviser');
    const client = new StaffClient(t.app);
    await client.signIn(adviser);
    const view = await client.api('GET', `/api/staff/submissions/${reference}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      reference,
      lifeEvent: 'someone-moving-in-or-out',
      answers: [],
      erasure: { kind: 'retention' },
    });
  });

  it('runs hourly on the queue, with the configured retention', () => {
    expect(cronItems.map((item) => item.task)).toContain(ERASE_EXPIRED_ANSWERS);
    const config = testConfig(t.database.url, { ANSWERS_RETENTION_DAYS: '30' });
    expect(config.retention.answersDays).toBe(30);
    expect(createTaskList({ db: t.database.db, config })[ERASE_EXPIRED_ANSWERS]).toBeTypeOf('function');
  });
});
