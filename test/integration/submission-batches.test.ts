import { exampleSubmissions } from '@tuo/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A window wide enough that requests made together always share a statement here.
const env = { SUBMISSION_BATCH_WAIT_MS: '300', SUBMISSION_BATCH_SIZE: '50' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env });
});
afterAll(async () => {
  await t.close();
});

const died = exampleSubmissions['someone-died'];
const named = (lastName: string) => ({ ...died, answers: { ...died.answers, lastName } });
const post = (payload: object, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/submissions',
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });
const referenceOf = (res: { json: () => unknown }) => (res.json() as { reference: string }).reference;

/** The transaction each submission was written in (Postgres's `xmin`), by reference. */
async function transactionsOf(references: string[]): Promise<Map<string, string>> {
  const rows = await sql<{ reference: string; xmin: string }>`
    select reference, xmin::text as xmin from submissions where reference = any(${references}::text[])
  `.execute(t.database.db);
  return new Map(rows.rows.map((row) => [row.reference, row.xmin]));
}

/** Rows per table, for what one submission writes beside itself. */
async function counts() {
  const row = await sql<Record<string, string>>`
    select (select count(*) from submissions) as submissions, (select count(*) from deliveries) as deliveries,
      (select count(*) from resident_messages) as messages, (select count(*) from confirmation_codes) as codes,
      (select count(*) from outbox) as outbox, (select count(*) from submission_search) as search,
      (select count(*) from audit_events where action = 'submission.created') as audit,
      (select count(*) from idempotency_keys) as keys
  `.execute(t.database.db);
  return Object.fromEntries(Object.entries(row.rows[0] ?? {}).map(([table, n]) => [table, Number(n)]));
}

const difference = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([table, n]) => [table, n - (before[table] ?? 0)]));

// What five anonymous reports of a death write: each 4 held deliveries, 2 held receipts and a code
// message, 1 code, the code message's job, a search row and an audit line.
const fiveWritten = {
  submissions: 5,
  deliveries: 20,
  messages: 15,
  codes: 5,
  outbox: 5,
  search: 5,
  audit: 5,
  keys: 0,
};

describe('Submissions written in batches', () => {
  it('writes submissions made together in one transaction, every row of each, and answers each', async () => {
    const before = await counts();
    const responses = await Promise.all(['Adams', 'Baker', 'Clarke', 'Davies', 'Evans'].map((n) => post(named(n))));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const references = responses.map(referenceOf);
    expect(new Set(references).size).toBe(5);
    const transactions = await transactionsOf(references);
    expect(transactions.size).toBe(5);
    expect(new Set(transactions.values()).size).toBe(1);
    expect(difference(await counts(), before)).toEqual(fiveWritten);
  });

  it('refuses the submissions that fail validation with their own field errors, and commits the others together', async () => {
    const before = await counts();
    const [badAnswers, ...rest] = await Promise.all([
      post({ ...died, answers: { ...died.answers, nhsNumber: '1234567890' } }),
      post(named('Ali')),
      // Checked against the directory, in the read it shares with the others made at the same moment.
      post({ ...named('Bello'), organisations: { 'gp-practice': '00000000-0000-4000-8000-000000000000' } }),
      post(named('Chen')),
      post(named('Doyle')),
    ]);
    const [ali, unknownPractice, ...others] = rest;
    expect(badAnswers.statusCode).toBe(400);
    expect(badAnswers.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['answers.nhsNumber']);
    expect(unknownPractice.statusCode).toBe(400);
    expect(unknownPractice.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'organisations.gp-practice', message: 'Select an organisation from the list' }],
    });
    const written = [ali, ...others];
    expect(written.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const transactions = await transactionsOf(written.map(referenceOf));
    expect(transactions.size).toBe(3);
    expect(new Set(transactions.values()).size).toBe(1);
    expect(difference(await counts(), before)).toEqual({
      submissions: 3,
      deliveries: 12,
      messages: 9,
      codes: 3,
      outbox: 3,
      search: 3,
      audit: 3,
      keys: 0,
    });
  });

  it('writes the others when one submission in the batch breaks a database rule, and refuses that one alone', async () => {
    // A real rule of the database, broken by one submission's rows only (its search row).
    await sql`alter table submission_search add constraint refuse_for_test check (names not like '%refusedhere%')`.execute(
      t.database.db,
    );
    try {
      const before = await counts();
      const names = ['Fisher', 'Green', 'Refusedhere', 'Hughes', 'Irwin', 'Jones'];
      const responses = await Promise.all(names.map((n) => post(named(n))));
      expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 500, 201, 201, 201]);
      const refused = responses[2];
      expect(refused?.headers['content-type']).toContain('application/problem+json');
      expect(refused?.body).not.toContain('refuse_for_test');
      expect(refused?.body).not.toMatch(/at .*\.ts:\d+/);
      const written = responses.filter((r) => r.statusCode === 201).map(referenceOf);
      expect((await transactionsOf(written)).size).toBe(5);
      // Nothing of the refused one: no submission, deliveries, messages or search row of its own.
      expect(difference(await counts(), before)).toEqual(fiveWritten);
    } finally {
      await sql`alter table submission_search drop constraint refuse_for_test`.execute(t.database.db);
    }
  });

  it('refuses a reused key with another body in the batch (422), replays a repeat and commits the others together', async () => {
    const first = await post(named('Khan'), 'batch-key-0001');
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const [other, repeat, ...fresh] = await Promise.all([
      post(named('Lewis'), 'batch-key-0001'),
      post(named('Khan'), 'batch-key-0001'),
      post(named('Morgan'), 'batch-key-0002'),
      post(named('Owen')),
      post(named('Price')),
    ]);
    expect(other.statusCode).toBe(422);
    expect(other.json<{ code: string }>().code).toBe('idempotency_key_reused');
    expect(repeat.statusCode).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(first.json());
    expect(fresh.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const transactions = await transactionsOf(fresh.map(referenceOf));
    expect(transactions.size).toBe(3);
    expect(new Set(transactions.values()).size).toBe(1);
    expect(difference(await counts(), before)).toMatchObject({ submissions: 3, deliveries: 12, keys: 1 });
  });

  it('makes one submission from concurrent requests with the same new key, answering each alike', async () => {
    const before = await counts();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(named('Quinn'), 'batch-key-0003')));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(responses.map(referenceOf)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(difference(await counts(), before)).toMatchObject({ submissions: 1, deliveries: 4, keys: 1 });
  });
});
