import { catalogue, exampleSubmissions, lifeEventIds } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const died = exampleSubmissions['someone-died'];
const post = (payload: unknown, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/submissions',
    payload: payload as object,
    headers: key ? { 'idempotency-key': key } : {},
  });
const count = async (table: 'submissions' | 'deliveries' | 'outbox' | 'audit_events') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/submissions', () => {
  it('accepts a submission and writes it, its held deliveries, its code message and an audit event together', async () => {
    const before = await Promise.all([
      count('submissions'),
      count('deliveries'),
      count('outbox'),
      count('audit_events'),
    ]);
    const res = await post(died);
    expect(res.statusCode).toBe(201);
    const body = res.json<{ reference: string; trackingSecret: string; agencies: string[] }>();
    expect(body.reference).toMatch(/^TUO-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.trackingSecret.length).toBeGreaterThanOrEqual(22);
    expect(body.agencies.sort()).toEqual(['council', 'gp-practice', 'housing-provider', 'jobcentre']);
    const after = await Promise.all([
      count('submissions'),
      count('deliveries'),
      count('outbox'),
      count('audit_events'),
    ]);
    // 4 deliveries, held for the reporter's code: the only job in the outbox sends that code.
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([1, 4, 1, 1]);
    const stored = await t.database.db
      .selectFrom('submissions')
      .select(['tracking_secret_hash'])
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow();
    expect(stored.tracking_secret_hash).not.toContain(body.trackingSecret);
    const messages = await t.database.db
      .selectFrom('resident_messages')
      .innerJoin('submissions', 'submissions.id', 'resident_messages.submission_id')
      .select(['resident_messages.kind', 'resident_messages.status'])
      .where('submissions.reference', '=', body.reference)
      .execute();
    // The receipts (email and text) wait with the deliveries; the code goes now, to the email.
    expect(messages.map((m) => `${m.kind}:${m.status}`).sort()).toEqual([
      'confirmation-code:queued',
      'confirmation:held',
      'confirmation:held',
    ]);
  });

  it.each(lifeEventIds)('accepts the published example for %s', async (lifeEvent) => {
    const res = await post(exampleSubmissions[lifeEvent]);
    expect(res.statusCode, res.body).toBe(201);
  });

  // The answers are checked once, by the route's schema (the envelope takes them as checked).
  it('refuses bad answers with field errors and writes nothing', async () => {
    const tables = ['submissions', 'deliveries', 'outbox', 'audit_events'] as const;
    const before = await Promise.all(tables.map(count));
    const res = await post({
      ...died,
      answers: { ...died.answers, nhsNumber: '1234567890', dateOfDeath: '2999-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['answers.nhsNumber', 'answers.dateOfDeath']),
    );
    expect(problem.errors.find((e) => e.path === 'answers.nhsNumber')?.message).toMatch(/NHS number/);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('accepts free text with invisible control characters, storing it without them', async () => {
    const example = exampleSubmissions['moving-home'];
    const answers = {
      ...example.answers,
      newAddress: { ...(example.answers.newAddress as object), line1: '45 High\u0000 Street' },
    };
    const res = await post({ ...example, answers });
    expect(res.statusCode, res.body).toBe(201);
    const { reference } = res.json<{ reference: string }>();
    const stored = await t.database.db
      .selectFrom('submissions')
      .select('envelope')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.envelope)).toContain('"line1":"45 High Street"');
  });

  it('refuses consent for an agency the answers do not concern', async () => {
    const res = await post({ ...exampleSubmissions['change-in-work-or-income'], consent: ['council', 'gp-practice'] });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toContain('consent.1');
  });

  it('publishes one complete example body per life event in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        { post?: { requestBody: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } } }
      >;
    }>();
    const examples = doc.paths['/api/submissions']?.post?.requestBody.content['application/json']?.examples ?? {};
    expect(Object.keys(examples).sort()).toEqual(Object.keys(catalogue).sort());
    for (const example of Object.values(examples)) expect((await post(example.value)).statusCode).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('keeps no tracking secret or key in clear in its records', async () => {
    const first = (await post(died, 'secret-check-0001')).json<{ trackingSecret: string }>();
    const rows = await t.database.db.selectFrom('idempotency_keys').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(first.trackingSecret);
    expect(dump).not.toContain('secret-check-0001');
  });

  it('replays the first response for a repeat and creates nothing new', async () => {
    const first = await post(died, 'double-click-0001');
    const before = await count('submissions');
    const second = await post(died, 'double-click-0001');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count('submissions')).toBe(before);
  });

  it('refuses the same key with a different body (422)', async () => {
    await post(died, 'reused-key-0001');
    const res = await post({ ...died, answers: { ...died.answers, firstName: 'Another' } }, 'reused-key-0001');
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe('idempotency_key_reused');
  });

  it('makes one submission from concurrent requests with the same key', async () => {
    const before = await count('submissions');
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(died, 'concurrent-key-0001')));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.json<{ reference: string }>().reference)).size).toBe(1);
    expect(await count('submissions')).toBe(before + 1);
  });
});

describe('GET /api/submissions/:reference/status', () => {
  it("shows each agency's status to whoever has the reference and tracking secret", async () => {
    const { reference, trackingSecret } = (await post(died)).json<{ reference: string; trackingSecret: string }>();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference.toLowerCase()}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(res.statusCode).toBe(200);
    const status = res.json<{ reference: string; lifeEvent: string; agencies: { agency: string; status: string }[] }>();
    expect(status).toMatchObject({ reference, lifeEvent: 'someone-died', confirmation: 'awaiting' });
    // Nothing is sent before the reporter enters their code.
    expect(status.agencies.map((a) => [a.agency, a.status])).toEqual([
      ['council', 'held'],
      ['gp-practice', 'held'],
      ['housing-provider', 'held'],
      ['jobcentre', 'held'],
    ]);
    expect(res.body).not.toContain("O'Brien");
  });

  it('gives the same 404 for a wrong secret and an unknown reference', async () => {
    const { reference } = (await post(died)).json<{ reference: string }>();
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': 'not-the-secret-at-all-000' },
    });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/submissions/TUO-0000-0000/status',
      headers: { 'tracking-secret': 'not-the-secret-at-all-000' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (body: string) => ({ ...(JSON.parse(body) as Record<string, unknown>), requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });
});
