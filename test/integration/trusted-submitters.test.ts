import { exampleSubmissions, type AgencyPayloadV1 } from '@tuo/shared';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import {
  createSubmitterKey,
  listSubmitterKeys,
  revokeSubmitterKey,
} from '../../server/src/submitters/submitter-keys.js';
import { runCommand } from '../support/portal-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedDataKeys, testSessionSecret } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';

const died = exampleSubmissions['someone-died'];
// A GP practice needs more than a low-level partner can vouch for: minimums still apply to keyed reports.
const env = { OUTBOX_RELAY_INTERVAL_MS: '20', VERIFICATION_MINIMUMS: 'gp-practice:someone-died=medium' };

let t: TestApp;
let worker: RunningWorker;
beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const post = (headers: Record<string, string>, payload: object = died) =>
  t.app.inject({ method: 'POST', url: '/api/submissions', payload, headers });
const deliveriesOf = (reference: string) =>
  t.database.db
    .selectFrom('deliveries')
    .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
    .select(['deliveries.agency', 'deliveries.status', 'deliveries.held_for'])
    .where('submissions.reference', '=', reference)
    .orderBy('deliveries.agency')
    .execute();
const submissionCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from submissions`.execute(t.database.db)).rows[0]?.n);
const councilPayload = async (reference: string) => {
  const { key } = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues');
  const page = await t.app.inject({
    method: 'GET',
    url: '/api/agency/notifications?limit=200',
    headers: { authorization: `Bearer ${key}` },
  });
  return page
    .json<{ notifications: { reference: string; payload: AgencyPayloadV1 }[] }>()
    .notifications.find((n) => n.reference === reference)?.payload;
};

describe('a trusted submitter', () => {
  it("is delivered without a code, carrying its key's level and name in verification", async () => {
    const { id, key } = await createSubmitterKey(t.database.db, { name: 'Camden register office', level: 'high' });
    const res = await post({ authorization: `Bearer ${key}` });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<CreateSubmissionResponse>();
    expect(created.confirmation).toEqual({ status: 'not-needed', codeSentTo: null });

    const delivered = await waitFor(async () => {
      const rows = await deliveriesOf(created.reference);
      return rows.length > 0 && rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
    expect(delivered.length).toBeGreaterThanOrEqual(3);
    const codes = await t.database.db
      .selectFrom('confirmation_codes')
      .innerJoin('submissions', 'submissions.id', 'confirmation_codes.submission_id')
      .select('confirmation_codes.id')
      .where('submissions.reference', '=', created.reference)
      .execute();
    expect(codes).toEqual([]);
    const payload = await councilPayload(created.reference);
    expect(payload?.verification).toMatchObject({
      level: 'high',
      channel: 'online',
      checks: [{ kind: 'trusted-submitter', by: 'Camden register office', level: 'high' }],
    });
    expect(payload?.verification?.checks).toHaveLength(1);

    // The use is audited against the key (its id, never the key), and the key is kept only as a hash.
    const audit = await t.database.db
      .selectFrom('audit_events')
      .innerJoin('submissions', 'submissions.id', 'audit_events.submission_id')
      .select(['audit_events.actor_type', 'audit_events.actor_id', 'audit_events.action'])
      .where('submissions.reference', '=', created.reference)
      .where('audit_events.action', '=', 'submission.created')
      .execute();
    expect(audit).toEqual([{ actor_type: 'submitter', actor_id: id, action: 'submission.created' }]);
    const stored = await t.database.db.selectFrom('submitter_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key.slice('tuo_submitter_'.length));
    expect((await listSubmitterKeys(t.database.db)).find((k) => k.id === id)?.lastUsedAt).not.toBeNull();
  });

  it("is still held for a check where its level is below an agency's minimum", async () => {
    const { key } = await createSubmitterKey(t.database.db, { name: 'Library assisted-digital desk', level: 'low' });
    const res = await post({ authorization: `Bearer ${key}` });
    expect(res.statusCode, res.body).toBe(201);
    const { reference } = res.json<CreateSubmissionResponse>();
    const rows = await deliveriesOf(reference);
    expect(rows.find((d) => d.agency === 'gp-practice')).toMatchObject({ status: 'held', held_for: 'check' });
    expect(rows.filter((d) => d.agency !== 'gp-practice').every((d) => d.held_for === null)).toBe(true);
  });

  it('answers a repeat with the same Idempotency-Key once, and audits the repeat too', async () => {
    const { id, key } = await createSubmitterKey(t.database.db, { name: 'GP front desk', level: 'medium' });
    const headers = { authorization: `Bearer ${key}`, 'idempotency-key': 'register-office-0001' };
    const first = await post(headers);
    const again = await post(headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<CreateSubmissionResponse>().reference).toBe(first.json<CreateSubmissionResponse>().reference);
    // The same key from an anonymous client is a different request: it makes its own report.
    const anonymous = await post({ 'idempotency-key': 'register-office-0001' });
    expect(anonymous.headers['idempotent-replayed']).toBeUndefined();
    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_type', '=', 'submitter')
      .where('actor_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['submission.created', 'submission.replayed']);
  });

  it('with a revoked, unknown or malformed key is refused with a 401 problem, never taken as anonymous', async () => {
    const { id, key } = await createSubmitterKey(t.database.db, { name: 'Old register office system', level: 'high' });
    expect(await revokeSubmitterKey(t.database.db, id)).toBe(true);
    expect(await revokeSubmitterKey(t.database.db, id)).toBe(false);
    const before = await submissionCount();
    for (const authorization of [`Bearer ${key}`, 'Bearer tuo_submitter_not-a-key', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const res = await post({ authorization });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
    // Refused before the body is read: a wrong key with a broken body is still a 401, not a 400.
    expect((await post({ authorization: `Bearer ${key}` }, { lifeEvent: 'nothing' })).statusCode).toBe(401);
    expect(await submissionCount()).toBe(before);
    const refused = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_type', '=', 'submitter')
      .where('actor_id', '=', id)
      .execute();
    expect(refused).toEqual([
      { action: 'submitter-key.refused', detail: { reason: 'revoked' } },
      { action: 'submitter-key.refused', detail: { reason: 'revoked' } },
    ]);
  });

  it('are made, listed and revoked with npm run submitter:key, the key printed once', async () => {
    const cli = 'server/src/submitters/submitter-key-cli.ts';
    const env = {
      DATABASE_URL: t.database.url,
      SESSION_SECRET: testSessionSecret,
      PROTECTED_DATA_KEYS: testProtectedDataKeys,
    };
    const made = await runCommand(cli, ['--name', 'Leeds register office', '--level', 'medium'], env);
    expect(made.code, made.stderr).toBe(0);
    const key = /tuo_submitter_\S+/.exec(made.stdout)?.[0] ?? '';
    const id = /^Key (\S+) for "Leeds register office" \(level medium\)/.exec(made.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await post({ authorization: `Bearer ${key}` })).statusCode).toBe(201);

    const listed = await runCommand(cli, ['--list'], env);
    expect(listed.stdout).toMatch(new RegExp(`${id}  tuo_submitter_\\S{6}…  medium  Leeds register office`));
    expect(listed.stdout).not.toContain(key);

    const revoked = await runCommand(cli, ['--revoke', id], env);
    expect(revoked.stdout.trim()).toBe(`Revoked key ${id}.`);
    expect((await post({ authorization: `Bearer ${key}` })).statusCode).toBe(401);
  }, 120_000);
});
