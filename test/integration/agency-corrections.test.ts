import { exampleSubmissions, type AgencyKind } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient, type AgencyClient } from '../support/agency-client.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitUntilDelivered } from '../support/wait-until-delivered.js';

// Every kind reads its inbox here, so the portal and the API are all any of them is shown.
const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };
let t: TestApp;
let worker: RunningWorker;
let supervisor: StaffClient;
let gp: AgencyClient;
let council: AgencyClient;
const keys: Partial<Record<AgencyKind, string>> = {};
let reference: string;
let ids: Partial<Record<AgencyKind, string>>;

beforeAll(async () => {
  t = await createTestApp({ env });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  for (const kind of ['gp-practice', 'council', 'jobcentre'] as const)
    keys[kind] = (await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, kind), 'Records')).key;
  supervisor = new StaffClient(t.app);
  expect((await supervisor.signIn(await createTestStaff(t.database.db, 'supervisor'))).statusCode).toBe(200);
  gp = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'gp-practice'));
  council = await signedInAgencyClient(t.app, await createTestAgencyUser(t.database.db, 'council'));

  const res = await submitConfirmed(t.app, exampleSubmissions['someone-died']);
  expect(res.statusCode, res.body).toBe(201);
  reference = res.json<{ reference: string }>().reference;
  const delivered = await waitUntilDelivered(t.database.db, reference);
  ids = Object.fromEntries(Object.entries(delivered).map(([kind, row]) => [kind, row.id]));
  // The GP practice has already taken the notification on when the correction comes.
  await gp.page(`/agency/notifications/${ids['gp-practice'] ?? ''}`);
  const acknowledged = await gp.form(`/agency/notifications/${ids['gp-practice'] ?? ''}/acknowledge`);
  expect(acknowledged.statusCode).toBe(303);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

/** Corrects one answer through the staff console's form, as a supervisor does. */
async function correct(field: string, value: string) {
  await supervisor.page(`/staff/submissions/${reference}/correction?field=${field}`);
  const saved = await supervisor.form(`/staff/submissions/${reference}/correction`, [
    ['field', field],
    ['value', value],
  ]);
  expect([saved.statusCode, saved.headers.location]).toEqual([303, `/staff/submissions/${reference}?done=corrected`]);
}

/** The notification as the kind's own system reads it from the inbox API. */
async function fromApi(kind: AgencyKind) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/agency/notifications/${ids[kind] ?? ''}`,
    headers: { authorization: `Bearer ${keys[kind] ?? ''}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Record<string, unknown> & { payload: { answers: Record<string, unknown> } }>();
}

/** The work list row of this report, in the given tab. */
async function listRow(client: AgencyClient, status: string) {
  const body = (await client.page(`/agency/notifications?status=${status}`)).body;
  const row = body.split('<tr').find((part) => part.includes(reference));
  if (!row) throw new Error(`No row for ${reference} in the ${status} tab`);
  return row;
}

describe('a report corrected after it was sent, in the agency portal and the inbox API', () => {
  it('tells an organisation nothing of a correction to answers it was never sent', async () => {
    // The National Insurance number goes to Jobcentre Plus alone.
    await correct('nationalInsuranceNumber', 'JG103759A');
    const page = (await gp.page(`/agency/notifications/${ids['gp-practice'] ?? ''}`)).body;
    expect(page).not.toContain('id="corrected"');
    expect(page).not.toContain('Corrected after it was sent');
    expect(page).not.toContain('National Insurance');
    expect(await listRow(gp, 'acknowledged')).not.toContain('>Corrected<');
    expect(await fromApi('gp-practice')).not.toHaveProperty('corrections');
    expect(await fromApi('council')).not.toHaveProperty('corrections');
    expect((await fromApi('jobcentre')).corrections).toEqual([
      { at: expect.any(String) as string, fields: ['nationalInsuranceNumber'] },
    ]);
  });

  it("marks the GP's acknowledged notification corrected: when, which of its answers, and that they are the new ones", async () => {
    await correct('dateOfDeath', '2025-01-13');
    await correct('nhsNumber', '4010232137');

    const page = (await gp.page(`/agency/notifications/${ids['gp-practice'] ?? ''}`)).body;
    expect(page).toContain('id="corrected"');
    expect(page).toContain('Corrected after it was sent');
    expect(page).toContain(
      'The customer centre corrected answers you were sent. The answers shown are the corrected ones.',
    );
    expect(page).toMatch(/<li>On \d+ \w+ 2026[^<]*: When did they die\?<\/li>/);
    expect(page).toMatch(/<li>On \d+ \w+ 2026[^<]*: NHS number \(optional\)<\/li>/);
    expect(page).toContain(
      'If you already acted on the earlier answers, check what you did against the corrected ones.',
    );
    expect(page).not.toContain('National Insurance');
    expect(page).toContain('13 January 2025');
    expect(page).not.toContain('14 January 2025');
    expect(await listRow(gp, 'acknowledged')).toContain('>Corrected</strong>');

    const notification = await fromApi('gp-practice');
    expect(notification.corrections).toEqual([
      { at: expect.any(String) as string, fields: ['dateOfDeath'] },
      { at: expect.any(String) as string, fields: ['nhsNumber'] },
    ]);
    expect(notification.payload.answers).toMatchObject({ dateOfDeath: '2025-01-13', nhsNumber: '4010232137' });
  });

  it('names to each organisation only its own fields: the council hears of the date of death, not the NHS number', async () => {
    expect((await fromApi('council')).corrections).toEqual([
      { at: expect.any(String) as string, fields: ['dateOfDeath'] },
    ]);
    const page = (await council.page(`/agency/notifications/${ids.council ?? ''}`)).body;
    expect(page).toMatch(/<li>On \d+ \w+ 2026[^<]*: When did they die\?<\/li>/);
    expect(page).not.toContain('NHS number');
    expect(await listRow(council, 'delivered')).toContain('>Corrected</strong>');
    // The inbox's list gives the same as the one notification.
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/agency/notifications?limit=200',
      headers: { authorization: `Bearer ${keys.council ?? ''}` },
    });
    const listed = inbox
      .json<{ notifications: { reference: string; corrections?: unknown }[] }>()
      .notifications.find((n) => n.reference === reference);
    expect(listed?.corrections).toEqual([{ at: expect.any(String) as string, fields: ['dateOfDeath'] }]);
  });

  // Last in this file: erasing takes the answers every test above reads.
  it('after an early erasure, says the answers were erased: not that none were routed, nor that it predates levels', async () => {
    const admin = new StaffClient(t.app);
    expect((await admin.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
    const erased = await admin.api('POST', `/api/admin/submissions/${reference}/erase`, { reason: 'Asked to' });
    expect(erased.statusCode, erased.body).toBe(200);
    const notification = await fromApi('council');
    expect(notification.answersErased).toEqual({ at: expect.any(String) as string, kind: 'request' });
    expect(notification.payload).toEqual({});
    const page = (await council.page(`/agency/notifications/${ids.council ?? ''}`)).body;
    expect(page).toContain('The resident’s answers were erased');
    expect(page).toContain('erased the resident’s answers early, at their request');
    expect(page).toContain('Not known: it was erased with the answers.');
    expect(page).not.toContain('No answers were routed');
    expect(page).not.toContain('Sent before verification levels');
  });
});
