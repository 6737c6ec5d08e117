import { exampleSubmissions } from '@tuo/shared';
import { http, HttpResponse } from 'msw';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingSecrets } from '../../server/src/agency/webhook-secrets.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient, type TestAgencyUser } from '../support/agency-client.js';
import { fakeAgency } from '../support/fake-agency.js';
import { pageModel } from '../support/resident.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

// The council takes webhooks (its receiver records every request's headers and body as sent);
// the other agencies read their inbox.
const council = fakeAgency('council');
const configuredSecret = council.env.AGENCY_COUNCIL_WEBHOOK_SECRET ?? '';
const received: { headers: Record<string, string>; body: string }[] = [];
outsideServices({
  handlers: [
    http.post(council.env.AGENCY_COUNCIL_WEBHOOK_URL ?? '', async ({ request }) => {
      received.push({ headers: Object.fromEntries(request.headers.entries()), body: await request.text() });
      return new HttpResponse(null, { status: 204 });
    }),
  ],
});
const env = { ...council.env, OUTBOX_RELAY_INTERVAL_MS: '20', DELIVERY_TIMEOUT_MS: '2000' };

let t: TestApp;
let worker: RunningWorker;
let councilAdmin: TestAgencyUser;
let nhsAdmin: TestAgencyUser;
beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  [councilAdmin, nhsAdmin] = [
    await createTestAgencyUser(t.database.db, 'council', 'agency-admin'),
    await createTestAgencyUser(t.database.db, 'gp-practice', 'agency-admin'),
  ];
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const inbox = (key: string) =>
  t.app.inject({ method: 'GET', url: '/api/agency/notifications', headers: { authorization: `Bearer ${key}` } });
const shownOnce = (body: string) => /<code class="govuk-!-text-break-word">([^<]+)<\/code>/.exec(body)?.[1] ?? '';

/** Submits, waits for the council's webhook to receive it, and returns that request. */
async function nextWebhook() {
  const before = received.length;
  await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  return waitFor(
    async () => Promise.resolve(received.length > before ? received[before] : undefined),
    20_000,
    'the council webhook',
  );
}
const verifies = (secret: string, request: { headers: Record<string, string>; body: string }) => {
  try {
    new Webhook(secret).verify(request.body, request.headers);
    return true;
  } catch {
    return false;
  }
};

describe('API keys in the portal', () => {
  it('lets an admin make a key (shown once), which works, and revoke it, which stops it at once', async () => {
    const client = await signedInAgencyClient(t.app, councilAdmin);
    await client.page('/agency/keys');
    const missing = await client.form('/agency/keys', [['name', ' ']]);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter a name for the key');
    const created = await client.form('/agency/keys', [['name', 'Revenues system']]);
    expect(created.statusCode).toBe(201);
    const key = shownOnce(created.body);
    expect(key).toMatch(/^tuo_council_/);
    expect((await inbox(key)).statusCode).toBe(200);
    const again = await client.page('/agency/keys');
    expect(again.body).not.toContain(key);
    const model = pageModel(again);
    if (model.page !== 'agency' || model.props.view !== 'keys') throw new Error('Expected the keys page');
    const listed = model.props.keys.find((k) => k.name === 'Revenues system');
    expect(listed).toMatchObject({ revokedAt: null, prefix: key.slice(0, listed?.prefix.length) });

    const nhs = await signedInAgencyClient(t.app, nhsAdmin);
    await nhs.page('/agency/keys');
    expect((await nhs.form(`/agency/keys/${listed?.id ?? ''}/revoke`)).statusCode).toBe(404);
    expect((await inbox(key)).statusCode).toBe(200);
    expect((await client.form(`/agency/keys/${listed?.id ?? ''}/revoke`)).headers.location).toBe(
      '/agency/keys?done=revoked',
    );
    expect((await inbox(key)).statusCode).toBe(401);
    const trail = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('actor_id', '=', councilAdmin.id)
      .where('action', 'in', ['agency.key.created', 'agency.key.revoked'])
      .orderBy('id')
      .execute();
    expect(trail.map((a) => a.action)).toEqual(['agency.key.created', 'agency.key.revoked']);
    expect(JSON.stringify(trail)).not.toContain(key);
    expect(t.logs()).not.toContain(key);
  });

  it('offers the same over /api/agency-portal, with the session’s token and its agency only', async () => {
    const client = await signedInAgencyClient(t.app, councilAdmin);
    await client.api('GET', '/api/agency-portal/session');
    expect((await client.api('POST', '/api/agency-portal/keys', { name: 'Script' }, { csrf: null })).statusCode).toBe(
      403,
    );
    const created = await client.api('POST', '/api/agency-portal/keys', { name: 'Script' });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json<{ id: string; key: string }>();
    const list = (await client.api('GET', '/api/agency-portal/keys')).json<{ id: string }[]>();
    expect(list.map((k) => k.id)).toContain(id);
    expect(JSON.stringify(list)).not.toContain(key);
    const nhs = await signedInAgencyClient(t.app, nhsAdmin);
    await nhs.api('GET', '/api/agency-portal/session');
    expect((await nhs.api('POST', `/api/agency-portal/keys/${id}/revoke`)).statusCode).toBe(404);
    expect((await client.api('POST', `/api/agency-portal/keys/${id}/revoke`)).statusCode).toBe(204);
    expect((await inbox(key)).statusCode).toBe(401);
    const user = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'council'));
    expect((await user.api('GET', '/api/agency-portal/keys')).statusCode).toBe(403);
  });
});

describe('rotating the webhook secret', () => {
  it('signs with the configured secret, then with both during the grace period, then with the new one only', async () => {
    const before = await nextWebhook();
    expect(before.headers['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(verifies(configuredSecret, before)).toBe(true);

    const client = await signedInAgencyClient(t.app, councilAdmin);
    await client.page('/agency/keys');
    const rotated = await client.form('/agency/webhook-secret');
    expect(rotated.statusCode).toBe(200);
    const secret = shownOnce(rotated.body);
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(configuredSecret);

    const during = await nextWebhook();
    expect(during.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verifies(configuredSecret, during)).toBe(true);
    expect(verifies(secret, during)).toBe(true);

    // The grace period ends (24 hours by default): as if the clock had moved on.
    await t.database.db
      .updateTable('agency_webhook_secrets')
      .set({ retires_at: new Date(Date.now() - 1000) })
      .where('retires_at', 'is not', null)
      .execute();
    const after = await nextWebhook();
    expect(after.headers['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(verifies(secret, after)).toBe(true);
    expect(verifies(configuredSecret, after)).toBe(false);

    const stored = await t.database.db.selectFrom('agency_webhook_secrets').select('sealed_secret').execute();
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row.sealed_secret).not.toContain(secret.slice(6, 30));
    expect(t.logs()).not.toContain(secret.slice(6));
    const again = await client.page('/agency/keys');
    expect(again.body).not.toContain(secret.slice(6));
    const [audit] = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'agency.webhook-secret.rotated')
      .execute();
    expect(audit?.detail).toMatchObject({ agency: 'council' });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
  });

  it('never falls back to the secret rotated away from when the rotated ones cannot be read (SESSION_SECRET changed)', async () => {
    // Runs after the rotation above: the council has rotated secrets, sealed under this app's SESSION_SECRET.
    await expect(
      signingSecrets(t.database.db, 'a-different-session-secret-0123456789abcdef', 'council', configuredSecret),
    ).rejects.toThrow(/cannot be opened/);
    // An agency that never rotated signs with its configured secret, whatever the session secret.
    expect(
      await signingSecrets(
        t.database.db,
        'a-different-session-secret-0123456789abcdef',
        'gp-practice',
        'whsec_configured',
      ),
    ).toEqual(['whsec_configured']);
  });

  it('refuses to rotate for an agency that reads its inbox (409)', async () => {
    const client = await signedInAgencyClient(t.app, nhsAdmin);
    await client.page('/agency/keys');
    expect((await client.form('/agency/webhook-secret')).statusCode).toBe(409);
    await client.api('GET', '/api/agency-portal/session');
    expect((await client.api('POST', '/api/agency-portal/webhook-secret')).statusCode).toBe(409);
  });
});
