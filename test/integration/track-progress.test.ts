import type { AgencyKind } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { AgencyClient, createTestAgencyUser } from '../support/agency-client.js';
import { pageModel, Resident } from '../support/resident.js';
import { deliver, submit, testClock } from '../support/service-level-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
// Sent on Tuesday 1 December 2026: 2 working days to acknowledge (Thursday 3 December), 10 to act
// (Tuesday 15 December), the default targets.
const clock = testClock('2026-12-02T12:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
});
afterAll(async () => {
  await t.close();
});

/** The tracking page for a report, as its resident sees it: the page model's rows and the page's words. */
async function track(reference: string, trackingSecret: string) {
  const resident = new Resident(t.app);
  await resident.get('/track');
  const res = await resident.post('/track', [
    ['reference', reference],
    ['secret', trackingSecret],
  ]);
  expect(res.statusCode).toBe(200);
  const model = pageModel(res);
  if (model.page !== 'track' || !model.props.result) throw new Error(`Expected a tracking result, got ${model.page}`);
  const { result, chase } = model.props;
  const row = (agency: AgencyKind) => {
    const found = result.agencies.find((candidate) => candidate.agency === agency);
    if (!found) throw new Error(`${agency} is not told of this report`);
    return found;
  };
  const targets = (agency: AgencyKind) => chase?.agencies.find((candidate) => candidate.agency === agency)?.targets;
  // The page's text, tags and markup removed, one agency's summary-list row at a time.
  const rows = [...res.body.matchAll(/<div class="govuk-summary-list__row">(.*?)<\/dd><\/div>/gs)].map((match) =>
    (match[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
  );
  // The rows are shown in the order of the result's agencies.
  const text = (agency: AgencyKind) =>
    rows[result.agencies.findIndex((candidate) => candidate.agency === agency)] ?? '';
  return { row, targets, text };
}

async function idOf(submissionId: string, agency: AgencyKind): Promise<string> {
  const { id } = await t.database.db
    .selectFrom('deliveries')
    .select('id')
    .where('submission_id', '=', submissionId)
    .where('agency', '=', agency)
    .executeTakeFirstOrThrow();
  return id;
}

describe('tracking a report, per organisation', () => {
  it('says a notification waits unopened in their inbox, never "sent to them", with the target dates', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-12-01T10:00:00Z');
    const page = await track(reference, trackingSecret);
    expect(page.row('council')).toMatchObject({
      status: 'delivered',
      sentAt: '2026-12-01T10:00:00.000Z',
      receivedAt: null,
      acknowledgedAt: null,
      actionedAt: null,
    });
    expect(page.targets('council')).toEqual({ acknowledgeBy: '2026-12-03', actionBy: '2026-12-15' });
    const council = page.text('council');
    expect(council).toContain('Waiting in their inbox, not yet opened');
    expect(council).toContain('Waiting in their inbox since 1 December 2026: they have not opened it yet.');
    expect(council).toContain('They aim to tell us they are dealing with it by 3 December 2026.');
    expect(council).toContain('They aim to have done what is needed by 15 December 2026.');
    expect(council).not.toMatch(/sent to them|received/i);
  });

  it('says when they received it: once their system reads the inbox, or an officer opens it in the portal', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-12-01T10:00:00Z');
    // The council's system reads its inbox through the agency API.
    const key = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'CRM')).key;
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=100',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(inbox.statusCode).toBe(200);
    // A GP practice officer opens it in the agency portal.
    const officer = new AgencyClient(t.app);
    await officer.signInWithForm(await createTestAgencyUser(t.database.db, 'gp-practice'));
    expect((await officer.page(`/agency/notifications/${await idOf(id, 'gp-practice')}`)).statusCode).toBe(200);

    const page = await track(reference, trackingSecret);
    for (const agency of ['council', 'gp-practice'] as const) {
      expect(page.row(agency).status).toBe('delivered');
      expect(page.row(agency).receivedAt).not.toBeNull();
      expect(page.text(agency)).toContain('Received by them');
      expect(page.text(agency)).toContain('Sent on 1 December 2026.');
      expect(page.text(agency)).toMatch(/Received by them on \d+ December 2026\./);
      expect(page.text(agency)).not.toContain('Waiting in their inbox');
    }
    // Not opened by anyone there: still waiting.
    expect(page.row('jobcentre').receivedAt).toBeNull();
    expect(page.text('jobcentre')).toContain('Waiting in their inbox, not yet opened');
    // Opening it again keeps the first time it was opened.
    const first = page.row('council').receivedAt;
    await t.app.inject({
      method: 'GET',
      url: `/api/agency/notifications/${await idOf(id, 'council')}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect((await track(reference, trackingSecret)).row('council').receivedAt).toBe(first);
  });

  it('counts a webhook or file delivery as received when their system took it', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-12-01T10:00:00Z');
    await t.database.db
      .updateTable('deliveries')
      .set({ transport: 'webhook' })
      .where('submission_id', '=', id)
      .where('agency', '=', 'council')
      .execute();
    await t.database.db
      .updateTable('deliveries')
      .set({ transport: 'file' })
      .where('submission_id', '=', id)
      .where('agency', '=', 'housing-provider')
      .execute();
    const page = await track(reference, trackingSecret);
    for (const agency of ['council', 'housing-provider'] as const) {
      expect(page.row(agency).receivedAt).toBe('2026-12-01T10:00:00.000Z');
      expect(page.text(agency)).toContain('Received by them on 1 December 2026.');
    }
  });

  it('says when they acknowledged it and when it was done, dropping targets already met', async () => {
    const { id, reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    await deliver(t.database.db, id, '2026-12-01T10:00:00Z');
    const key = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'CRM')).key;
    const advance = async (agency: AgencyKind, organisationKey: string, what: 'acknowledge' | 'actioned') => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/agency/notifications/${await idOf(id, agency)}/${what}`,
        headers: { authorization: `Bearer ${organisationKey}` },
        payload: what === 'actioned' ? { outcome: 'Council tax account closed' } : {},
      });
      expect(res.statusCode).toBe(200);
    };
    await advance('council', key, 'acknowledge');
    const gpKey = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP records')
    ).key;
    await advance('gp-practice', gpKey, 'acknowledge');
    await advance('gp-practice', gpKey, 'actioned');

    const page = await track(reference, trackingSecret);
    expect(page.row('council')).toMatchObject({ status: 'acknowledged' });
    expect(page.row('council').acknowledgedAt).not.toBeNull();
    // Acknowledged without being opened first: they have it.
    expect(page.row('council').receivedAt).toBe(page.row('council').acknowledgedAt);
    const council = page.text('council');
    expect(council).toContain('Received: they are dealing with it');
    expect(council).toMatch(/They told us they are dealing with it on \d+ December 2026\./);
    expect(council).not.toContain('They aim to tell us they are dealing with it');
    expect(council).toContain('They aim to have done what is needed by 15 December 2026.');

    expect(page.row('gp-practice').status).toBe('actioned');
    const gp = page.text('gp-practice');
    expect(gp).toContain('Done');
    expect(gp).toMatch(/Done: they told us on \d+ December 2026 that they have done what was needed\./);
    expect(gp).not.toContain('They aim to');
  });

  it('shows no dates or targets before it is sent', async () => {
    const { reference, trackingSecret } = await submit(t.app, t.database.db, 'someone-died');
    const page = await track(reference, trackingSecret);
    expect(page.row('council')).toMatchObject({ sentAt: null, receivedAt: null });
    expect(page.targets('council')).toBeNull();
    expect(page.text('council')).not.toMatch(/They aim to|Sent on|Received by/);
  });
});
