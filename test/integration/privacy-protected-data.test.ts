import { catalogue, exampleSubmissions, lifeEventIds, reachablePages, type LifeEventId } from '@tuo/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { resealProtectedData } from '../../server/src/privacy/reseal-protected-data.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { dumpEveryRow } from '../support/database-dump.js';
import { fakeAgency } from '../support/fake-agency.js';
import { protectedValues } from '../support/personal-values.js';
import { answerEveryPage, Resident } from '../support/resident.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { outsideServices } from '../support/outside-services.js';

const fakes = { council: fakeAgency('council'), 'gp-practice': fakeAgency('gp-practice') };
outsideServices({ handlers: [fakes.council.handler, fakes['gp-practice'].handler] });
const env = { ...fakes.council.env, ...fakes['gp-practice'].env, OUTBOX_RELAY_INTERVAL_MS: '20' } as Record<
  string,
  string
>;
let t: TestApp;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  t = await createTestApp({ env });
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
});

const everyProtectedValue = lifeEventIds.flatMap((id) => protectedValues(id, exampleSubmissions[id].answers));

async function submit(lifeEvent: LifeEventId, headers: Record<string, string> = {}) {
  const res = await submitConfirmed(t.app, exampleSubmissions[lifeEvent], headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ reference: string }>().reference;
}

describe('protected identifiers at rest', () => {
  it('queue jobs carry ids only', async () => {
    await submit('someone-died');
    const jobs = await t.database.db.selectFrom('outbox').select(['task', 'payload']).execute();
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs)
      expect(Object.keys(job.payload as object).sort()).toEqual(
        job.task === 'deliver_to_agency' ? ['attempt', 'deliveryId'] : ['messageId'],
      );
  });

  it('a dump of every table after the flows holds no NHS number, NI number or date of birth in clear', async () => {
    // Submissions (one with an Idempotency-Key), delivered by webhook (council, NHS) and into inboxes (housing, jobcentre).
    for (const lifeEvent of lifeEventIds)
      await submit(lifeEvent, lifeEvent === 'baby-born' ? { 'idempotency-key': 'privacy-test-key-1' } : {});
    worker = await startTestWorker(t.database, testConfig(t.database.url, env));
    await waitFor(
      async () => {
        const open = await t.database.db
          .selectFrom('deliveries')
          .select('id')
          .where('status', 'in', ['queued', 'sending'])
          .execute();
        return open.length === 0 ? true : undefined;
      },
      30_000,
      'every delivery',
    );
    expect(fakes['gp-practice'].accepted.length).toBeGreaterThan(0);
    // An agency reads its inbox (payloads opened for it) and acknowledges one.
    const { key } = await createApiKey(
      t.database.db,
      await fallbackOrganisation(t.database.db, 'jobcentre'),
      'Jobcentre system',
    );
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications',
      headers: { authorization: `Bearer ${key}` },
    });
    const notifications = inbox.json<{
      notifications: { id: string; payload: { answers: Record<string, unknown> } }[];
    }>().notifications;
    expect(notifications.some((n) => n.payload.answers.nationalInsuranceNumber === 'AB123456C')).toBe(true);
    await t.app.inject({
      method: 'POST',
      url: `/api/agency/notifications/${notifications[0]?.id ?? ''}/acknowledge`,
      headers: { authorization: `Bearer ${key}` },
    });
    // A resident part-way through a journey: every answer waits in their session.
    const resident = new Resident(t.app);
    const answers = exampleSubmissions['moving-home'].answers;
    await answerEveryPage(resident, 'moving-home', reachablePages(catalogue['moving-home'], answers), answers);
    expect((await resident.get('/moving-home/check-answers')).body).toContain('999 000 0018');
    // Staff search by each protected identifier, and view.
    const staff = new StaffClient(t.app);
    await staff.signIn(await createTestStaff(t.database.db, 'adviser'));
    const found = async (query: string) =>
      (await staff.api('GET', `/api/staff/search?${query}`))
        .json<{ results: { lifeEvent: string }[] }>()
        .results.map((r) => r.lifeEvent)
        .sort();
    expect(await found('nhsNumber=401%20023%202137')).toEqual(['baby-born']);
    const byNi = await found('niNumber=ab123456c');
    expect(new Set(byNi)).toEqual(new Set(['change-in-work-or-income', 'someone-died']));
    expect(await found('dateOfBirth=1990-05-21')).toEqual(['someone-moving-in-or-out']);
    // The same by POST, with the identifier in the body rather than the address.
    const posted = await staff.api('POST', '/api/staff/search', { nhsNumber: '401 023 2137' });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json<{ results: { lifeEvent: string }[] }>().results.map((r) => r.lifeEvent)).toEqual(['baby-born']);

    const dump = await dumpEveryRow(t.database.db);
    // The dump is real: unprotected personal data (names) is in it.
    expect(dump).toContain('Margaret');
    expect(dump).toContain('pv1.test1.');
    for (const value of everyProtectedValue) expect(dump, value).not.toContain(value);
    // Nor in the audit log, which never holds personal data.
    const audit = JSON.stringify(await t.database.db.selectFrom('audit_events').select('detail').execute());
    for (const value of [...everyProtectedValue, 'Margaret', 'Acacia']) expect(audit).not.toContain(value);
  });
});

describe('key rotation', () => {
  const k2 = `k2:${Buffer.alloc(32, 9).toString('base64')}`;
  const [test1] = testConfig('postgres://x/y').protectedDataKeys.map(
    (key) => `${key.id}:${key.secret.toString('base64')}`,
  );

  async function staffView(app: TestApp, reference: string) {
    const staff = new StaffClient(app.app);
    await staff.signIn(await createTestStaff(app.database.db, 'adviser'));
    const view = (await staff.api('GET', `/api/staff/submissions/${reference}`)).json<{
      answers: { label: string; lines: string[] }[];
    }>();
    const search = (await staff.api('GET', '/api/staff/search?dateOfBirth=1941-03-27&nhsNumber=9434765919')).json<{
      results: { reference: string }[];
    }>();
    return {
      nhs: view.answers.find((row) => row.label.startsWith('NHS number'))?.lines,
      found: search.results.map((r) => r.reference),
    };
  }

  it('keeps old data readable and searchable, seals new data with the new key, and re-seals old data', async () => {
    const before = await createTestApp();
    const old = (await submitConfirmed(before.app, exampleSubmissions['someone-died'])).json<{ reference: string }>()
      .reference;
    // A row from before sealing: answers in clear, no search hashes.
    const legacy = (await submitConfirmed(before.app, exampleSubmissions['someone-died'])).json<{ reference: string }>()
      .reference;
    const opened = testProtectedValues().openEnvelope(
      (
        await before.database.db
          .selectFrom('submissions')
          .select('envelope')
          .where('reference', '=', legacy)
          .executeTakeFirstOrThrow()
      ).envelope,
    );
    await sql`update submissions set envelope = ${JSON.stringify(opened)}::jsonb, protected_key_id = null where reference = ${legacy}`.execute(
      before.database.db,
    );
    await sql`update submission_search set identifier_hashes = '{}' where reference = ${legacy.replaceAll('-', '')}`.execute(
      before.database.db,
    );

    const rotated = await createTestApp({
      database: before.database,
      env: { PROTECTED_DATA_KEYS: `${k2},${test1 ?? ''}` },
    });
    expect(await staffView(rotated, old)).toEqual({ nhs: ['943 476 5919'], found: [old] });
    const fresh = (await submitConfirmed(rotated.app, exampleSubmissions['someone-died'])).json<{ reference: string }>()
      .reference;
    const keyIds = async () =>
      Object.fromEntries(
        (await before.database.db.selectFrom('submissions').select(['reference', 'protected_key_id']).execute()).map(
          (r) => [r.reference, r.protected_key_id],
        ),
      );
    expect(await keyIds()).toEqual({ [old]: 'test1', [legacy]: null, [fresh]: 'k2' });

    // Two workers re-sealing at once: each row is re-sealed once.
    const resealing = testProtectedValues({ PROTECTED_DATA_KEYS: `${k2},${test1 ?? ''}` });
    const runs = await Promise.all([
      resealProtectedData(before.database.db, resealing),
      resealProtectedData(before.database.db, resealing),
    ]);
    expect(runs.reduce((sum, run) => sum + run.resealed, 0)).toBe(2);
    expect(await resealProtectedData(before.database.db, resealing)).toEqual({ resealed: 0, unreadable: 0 });
    expect(await keyIds()).toEqual({ [old]: 'k2', [legacy]: 'k2', [fresh]: 'k2' });
    const dump = await dumpEveryRow(before.database.db);
    expect(dump).not.toContain('pv1.test1.');
    expect(dump).not.toContain('9434765919');

    // The old key can go: everything reads, and all three are found by date of birth and NHS number.
    const after = await createTestApp({ database: before.database, env: { PROTECTED_DATA_KEYS: k2 } });
    const view = await staffView(after, legacy);
    expect(view.nhs).toEqual(['943 476 5919']);
    expect(view.found.sort()).toEqual([old, legacy, fresh].sort());
    const audit = await before.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'privacy.resealed')
      .execute();
    expect(audit.reduce((sum, row) => sum + (row.detail as { resealed: number }).resealed, 0)).toBe(2);
    await after.app.close();
    await rotated.app.close();
    await before.close();
  });

  it('leaves data sealed under a key no longer configured as it is, and says so', async () => {
    const app = await createTestApp();
    await submitConfirmed(app.app, exampleSubmissions['baby-born']);
    const before = await dumpEveryRow(app.database.db);
    expect(await resealProtectedData(app.database.db, testProtectedValues({ PROTECTED_DATA_KEYS: k2 }))).toEqual({
      resealed: 0,
      unreadable: 1,
    });
    const row = await app.database.db.selectFrom('submissions').select('protected_key_id').executeTakeFirstOrThrow();
    expect(row.protected_key_id).toBe('test1');
    expect(before).toContain('pv1.test1.');
    await app.close();
  });
});
