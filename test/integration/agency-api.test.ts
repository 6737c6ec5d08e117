import { exampleSubmissions, getJourney, routedFields } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../server/src/agency/api-keys.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';

interface Notification {
  id: string;
  reference: string;
  agency: string;
  status: string;
  outcome: string | null;
  payload: { reference: string; answers: Record<string, unknown> };
}
interface Page {
  notifications: Notification[];
  nextCursor: string;
}

let t: TestApp;
let worker: RunningWorker;
let councilKey: string;
let nhsKey: string;
const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };

beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  councilKey = (
    await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues system')
  ).key;
  nhsKey = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP records'))
    .key;
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

const as = (key: string | undefined) => (key ? { authorization: `Bearer ${key}` } : {});
const get = (url: string, key?: string) => t.app.inject({ method: 'GET', url, headers: as(key) });
const post = (url: string, key: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as(key), ...(payload ? { payload } : {}) });

async function submitAndDeliver(body: object = exampleSubmissions['someone-died']) {
  const res = await submitConfirmed(t.app, body);
  const { reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>();
  await waitFor(async () => {
    const rows = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select('deliveries.status')
      .where('submissions.reference', '=', reference)
      .execute();
    return rows.length > 0 && rows.every((r) => r.status === 'delivered') ? true : undefined;
  });
  return { reference, trackingSecret };
}

async function councilNotificationFor(reference: string, key = councilKey): Promise<Notification> {
  let cursor: string | undefined;
  for (;;) {
    const page = (
      await get(`/api/agency/notifications?limit=200${cursor ? `&after=${cursor}` : ''}`, key)
    ).json<Page>();
    const found = page.notifications.find((n) => n.reference === reference);
    if (found) return found;
    if (page.notifications.length === 0) throw new Error(`no notification for ${reference}`);
    cursor = page.nextCursor;
  }
}

describe('agency API authentication', () => {
  it('refuses a caller with no key or an unknown key (401 problem+json)', async () => {
    for (const res of [
      await get('/api/agency/notifications'),
      await get('/api/agency/notifications', 'tuo_council_not-a-real-key'),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('stops a revoked key at once, while the agency’s other keys keep working', async () => {
    const { id, key } = await createApiKey(
      t.database.db,
      await fallbackOrganisation(t.database.db, 'council'),
      'About to be rotated out',
    );
    expect((await get('/api/agency/notifications', key)).statusCode).toBe(200);
    expect(await revokeApiKey(t.database.db, id)).toBe(true);
    expect((await get('/api/agency/notifications', key)).statusCode).toBe(401);
    expect((await get('/api/agency/notifications', councilKey)).statusCode).toBe(200);
  });
});

describe('an agency’s inbox', () => {
  it('holds only its own notifications, with only its routed fields', async () => {
    const { reference } = await submitAndDeliver();
    const notification = await councilNotificationFor(reference);
    expect(notification).toMatchObject({ agency: 'council', status: 'delivered', reference });
    const allowed = new Set(routedFields(getJourney('someone-died'), 'council'));
    for (const field of Object.keys(notification.payload.answers)) expect(allowed).toContain(field);
    const nhsPage = (await get('/api/agency/notifications?limit=200', nhsKey)).json<Page>();
    expect(nhsPage.notifications.every((n) => n.agency === 'gp-practice')).toBe(true);
  });

  it('never lets one agency read or acknowledge another’s notification', async () => {
    const { reference } = await submitAndDeliver();
    const council = await councilNotificationFor(reference);
    expect((await get(`/api/agency/notifications/${council.id}`, nhsKey)).statusCode).toBe(404);
    expect((await post(`/api/agency/notifications/${council.id}/acknowledge`, nhsKey)).statusCode).toBe(404);
    expect((await post(`/api/agency/notifications/${council.id}/actioned`, nhsKey, { outcome: 'x' })).statusCode).toBe(
      404,
    );
    expect((await get(`/api/agency/notifications/${council.id}`, councilKey)).json<Notification>().status).toBe(
      'delivered',
    );
  });

  it('acknowledges and actions idempotently, and the resident sees it', async () => {
    const { reference, trackingSecret } = await submitAndDeliver();
    const { id } = await councilNotificationFor(reference);
    const first = await post(`/api/agency/notifications/${id}/acknowledge`, councilKey);
    const again = await post(`/api/agency/notifications/${id}/acknowledge`, councilKey);
    expect(first.json<Notification>().status).toBe('acknowledged');
    expect(again.json()).toEqual(first.json());
    const done = await post(`/api/agency/notifications/${id}/actioned`, councilKey, {
      outcome: 'Council tax account closed',
    });
    expect(done.json<Notification>()).toMatchObject({ status: 'actioned', outcome: 'Council tax account closed' });
    const repeat = await post(`/api/agency/notifications/${id}/actioned`, councilKey, { outcome: 'Something else' });
    expect(repeat.json<Notification>().outcome).toBe('Council tax account closed');
    expect((await post(`/api/agency/notifications/${id}/acknowledge`, councilKey)).json<Notification>().status).toBe(
      'actioned',
    );
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(
      status.json<{ agencies: { agency: string; status: string }[] }>().agencies.find((a) => a.agency === 'council')
        ?.status,
    ).toBe('actioned');
  });

  it('asks for an outcome when actioning', async () => {
    const { reference } = await submitAndDeliver();
    const { id } = await councilNotificationFor(reference);
    const res = await post(`/api/agency/notifications/${id}/actioned`, councilKey, { outcome: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('outcome');
  });

  it('refuses a cursor it did not give out', async () => {
    const res = await get('/api/agency/notifications?after=bm90LWEtY3Vyc29y', councilKey);
    expect(res.statusCode).toBe(400);
  });
});

describe('paging the inbox', () => {
  it('does not skip a notification whose transaction commits after a later one', async () => {
    const { key } = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Ordering');
    await submitAndDeliver();
    await submitAndDeliver();
    const [x, y] = (
      await t.database.db
        .selectFrom('deliveries')
        .select('id')
        .where('agency', '=', 'council')
        .orderBy('created_at', 'desc')
        .limit(2)
        .execute()
    ).map((r) => r.id);
    let cursor = '';
    for (;;) {
      const page = (
        await get(`/api/agency/notifications?limit=200${cursor ? `&after=${cursor}` : ''}`, key)
      ).json<Page>();
      if (page.notifications.length === 0) break;
      cursor = page.nextCursor;
    }
    // Re-enter both into the inbox: X's transaction starts first but commits last.
    const slow = await t.database.pool.connect();
    const fast = await t.database.pool.connect();
    const restamp = `update deliveries set inbox_xid = pg_current_xact_id(), inbox_seq = nextval('inbox_seq') where id = $1`;
    try {
      await slow.query('begin');
      await slow.query(restamp, [x]);
      await fast.query('begin');
      await fast.query(restamp, [y]);
      await fast.query('commit');
      const whileSlowRuns = (await get(`/api/agency/notifications?after=${cursor}`, key)).json<Page>();
      expect(whileSlowRuns.notifications).toEqual([]);
      await slow.query('commit');
    } finally {
      slow.release();
      fast.release();
    }
    const after = (await get(`/api/agency/notifications?after=${cursor}`, key)).json<Page>();
    expect(after.notifications.map((n) => n.id)).toEqual([x, y]);
  });

  it('serves every notification exactly once, in a stable order, while new ones keep arriving', async () => {
    const { key } = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Pager');
    const seen: string[] = [];
    let cursor: string | undefined;
    const pageOnce = async () => {
      const page = (
        await get(`/api/agency/notifications?limit=3${cursor ? `&after=${cursor}` : ''}`, key)
      ).json<Page>();
      seen.push(...page.notifications.map((n) => n.id));
      cursor = page.nextCursor;
    };
    // Submissions keep arriving (and being delivered by the worker) while the pager pages.
    const writers = Promise.all(
      Array.from({ length: 12 }, () => submitConfirmed(t.app, exampleSubmissions['moving-home'])),
    );
    while (seen.length < 3) await pageOnce();
    await writers;
    const expected = await waitFor(async () => {
      const rows = await t.database.db
        .selectFrom('deliveries')
        .select(['id', 'status'])
        .where('agency', '=', 'council')
        .execute();
      return rows.every((r) => r.status !== 'queued' && r.status !== 'sending') ? rows.map((r) => r.id) : undefined;
    });
    for (let i = 0; i < 100 && seen.length < expected.length; i += 1) await pageOnce();
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(expected));
    // Nothing new: the cursor stays put and the page is empty.
    const idle = (await get(`/api/agency/notifications?after=${cursor ?? ''}`, key)).json<Page>();
    expect(idle).toEqual({ notifications: [], nextCursor: cursor });
  });
});
