import { exampleSubmissions, type AgencyKind } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient } from '../support/agency-client.js';
import { fakeAgency } from '../support/fake-agency.js';
import { pageModel, Resident } from '../support/resident.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

// The council's webhook answers with its own case reference; the housing provider's answers with
// something that is not one; GP practices and the Jobcentre read their inboxes.
let councilAnswer: unknown = { reference: 'CT/2026/0042' };
const council = fakeAgency('council', () => ({ status: 200, json: councilAnswer }));
const housing = fakeAgency('housing-provider', () => ({ status: 202, json: { reference: '<b>x</b>'.repeat(20) } }));
outsideServices({ handlers: [council.handler, housing.handler] });
const env = { ...council.env, ...housing.env, OUTBOX_RELAY_INTERVAL_MS: '20' };

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

async function submitAndDeliver() {
  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  expect(res.statusCode).toBe(201);
  const { reference, trackingSecret } = res.json<{ reference: string; trackingSecret: string }>();
  const deliveries = await waitFor(async () => {
    const rows = await t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select(['deliveries.id', 'deliveries.agency', 'deliveries.status'])
      .where('submissions.reference', '=', reference)
      .execute();
    return rows.length > 0 && rows.every((r) => r.status === 'delivered') ? rows : undefined;
  });
  const idOf = (agency: AgencyKind) => deliveries.find((d) => d.agency === agency)?.id ?? '';
  return { reference, trackingSecret, idOf };
}

/** What the resident's tracking page shows per agency: its status and the agency's reference. */
async function tracked(reference: string, trackingSecret: string) {
  const resident = new Resident(t.app);
  await resident.get('/track');
  const page = await resident.post('/track', [
    ['reference', reference],
    ['secret', trackingSecret],
  ]);
  expect(page.statusCode).toBe(200);
  const model = pageModel(page);
  if (model.page !== 'track' || !model.props.result) throw new Error('Expected a tracking result');
  return {
    html: page.body,
    references: Object.fromEntries(model.props.result.agencies.map((a) => [a.agency, a.agencyReference])),
  };
}

describe("an agency's own case reference", () => {
  it("flows back from a webhook's 2xx answer to the resident's tracking page and the staff console", async () => {
    const { reference, trackingSecret } = await submitAndDeliver();
    const page = await tracked(reference, trackingSecret);
    expect(page.references).toEqual({
      council: 'CT/2026/0042',
      'gp-practice': null,
      'housing-provider': null,
      jobcentre: null,
    });
    expect(page.html).toContain('Their reference:');
    expect(page.html).toContain('CT/2026/0042');

    const status = await t.app.inject({
      method: 'GET',
      url: `/api/submissions/${reference}/status`,
      headers: { 'tracking-secret': trackingSecret },
    });
    expect(status.json<{ agencies: { agency: string; agencyReference: string | null }[] }>().agencies).toContainEqual(
      expect.objectContaining({ agency: 'council', agencyReference: 'CT/2026/0042' }),
    );

    const supervisor = await createTestStaff(t.database.db, 'supervisor');
    const staff = new StaffClient(t.app);
    expect((await staff.signIn(supervisor)).statusCode).toBe(200);
    const view = await staff.api('GET', `/api/staff/submissions/${reference}`);
    expect(view.json<{ deliveries: { agency: string; agencyReference: string | null }[] }>().deliveries).toContainEqual(
      expect.objectContaining({ agency: 'council', agencyReference: 'CT/2026/0042' }),
    );
  });

  it('ignores an answer that is not a reference (markup, too long, not JSON), still counting it accepted', async () => {
    councilAnswer = 'just text';
    const { reference, trackingSecret } = await submitAndDeliver();
    councilAnswer = { reference: 'CT/2026/0042' };
    const page = await tracked(reference, trackingSecret);
    expect(page.references).toEqual({ council: null, 'gp-practice': null, 'housing-provider': null, jobcentre: null });
    expect(page.html).not.toContain('&lt;b&gt;');
  });

  it('is taken when an agency system acknowledges or actions over the API, and refused (400) when malformed', async () => {
    const { reference, trackingSecret, idOf } = await submitAndDeliver();
    const key = (
      await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'gp-practice'), 'GP records')
    ).key;
    const post = (what: string, payload?: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/agency/notifications/${idOf('gp-practice')}/${what}`,
        headers: { authorization: `Bearer ${key}` },
        ...(payload ? { payload } : {}),
      });
    const bad = await post('acknowledge', { reference: 'x'.repeat(65) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const acknowledged = await post('acknowledge', { reference: 'GP-991' });
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', agencyReference: 'GP-991' });
    // Acknowledging again with a corrected reference keeps the status and puts the reference right.
    expect((await post('acknowledge', { reference: 'GP-992' })).json()).toMatchObject({
      status: 'acknowledged',
      agencyReference: 'GP-992',
    });
    // Without a reference, the one given stays.
    expect((await post('actioned', { outcome: 'Removed from the list' })).json()).toMatchObject({
      status: 'actioned',
      agencyReference: 'GP-992',
    });
    expect((await tracked(reference, trackingSecret)).references['gp-practice']).toBe('GP-992');
  });

  it('is taken when a portal user acknowledges, with a GOV.UK field error when malformed', async () => {
    const { reference, trackingSecret, idOf } = await submitAndDeliver();
    const client = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'jobcentre'));
    const url = `/agency/notifications/${idOf('jobcentre')}`;
    await client.page(url);
    const bad = await client.form(`${url}/acknowledge`, [['reference', 'UC <42>']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Your reference can only include');
    expect((await tracked(reference, trackingSecret)).references.jobcentre).toBeNull();
    await client.page(url);
    const ok = await client.form(`${url}/acknowledge`, [['reference', 'UC 4242']]);
    expect(ok.statusCode).toBe(303);
    expect((await tracked(reference, trackingSecret)).references.jobcentre).toBe('UC 4242');
  });
});
