import { exampleSubmissions } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { writeSettings } from '../../server/src/organisations/organisation-settings.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { createTestAgencyUser, signedInAgencyClient, type TestAgencyUser } from '../support/agency-client.js';
import { completeJourney } from '../support/assisted-journey.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { testClock } from '../support/service-level-fixtures.js';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitUntilDelivered } from '../support/wait-until-delivered.js';

const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };
// A Friday in British Summer Time, so UK local times are an hour ahead of UTC.
const clock = testClock('2026-06-19T12:00:00.000Z');
let t: TestApp;
let worker: RunningWorker;
let council: TestAgencyUser;
let nhs: TestAgencyUser;
let adviser: TestStaff;

beforeAll(async () => {
  t = await createTestApp({ env, now: clock.now });
  worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  [council, nhs, adviser] = [
    await createTestAgencyUser(t.database.db, 'council', 'agency-user', undefined, 'Rhian Clerk'),
    await createTestAgencyUser(t.database.db, 'gp-practice'),
    await createTestStaff(t.database.db, 'adviser', undefined, { displayName: 'Alex Adviser' }),
  ];
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

/** The text of one row of the notification's summary list, as an officer reads it (tags stripped, spaces folded). */
function row(body: string, id: string): string {
  const found = new RegExp(`<div class="govuk-summary-list__row" id="${id}">(.*?)</div>`, 's').exec(body);
  if (!found?.[1]) throw new Error(`No row #${id} on the page`);
  return found[1]
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#x27;', "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page as text, without the markup (what is read, not how it is drawn). */
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a notification page says how the report was made and handled', () => {
  it('shows an assisted report’s channel and adviser (by staff id only) with their checks, who moved it on (a colleague by name) and when in UK time, and its targets', async () => {
    const staff = new StaffClient(t.app);
    expect((await staff.signIn(adviser)).statusCode).toBe(200);
    await staff.api('POST', '/api/staff/assisted', {
      mode: 'phone',
      identityChecks: ['security-questions', 'called-back-on-known-number'],
      consentConfirmed: true,
    });
    const { reference } = await completeJourney(staff, 'moving-home');
    const { council: toCouncil, 'gp-practice': toNhs } = await waitUntilDelivered(t.database.db, reference);
    if (!toCouncil || !toNhs) throw new Error('Expected the council and the GP practice to be told');
    // Delivered on Monday 15 June: 2 working days to acknowledge (Wednesday 17), 10 to act (Monday 29).
    await t.database.db
      .updateTable('deliveries')
      .set({ delivered_at: new Date('2026-06-15T09:00:00.000Z') })
      .where('id', 'in', [toCouncil.id, toNhs.id])
      .execute();

    const officer = await signedInAgencyClient(t.app, council);
    const before = (await officer.page(`/agency/notifications/${toCouncil.id}`)).body;
    expect(row(before, 'channel')).toBe('How the report was made With an adviser, on the phone');
    expect(row(before, 'adviser')).toBe(
      `Adviser Customer centre adviser, staff id ${adviser.id} Identity checks they recorded: security questions, a call back on a number we hold`,
    );
    expect(before).not.toContain(adviser.email);
    expect(before).not.toContain('Alex Adviser');
    expect(row(before, 'acknowledged')).toBe('Acknowledged Not yet');
    expect(row(before, 'target-acknowledge')).toBe(
      'Target to acknowledge By the end of 17 June 2026 Not acknowledged in time',
    );
    expect(row(before, 'target-action')).toBe('Target to act By the end of 29 June 2026');

    // Acknowledged by the officer in the portal, actioned by the council's system through the API.
    await officer.form(`/agency/notifications/${toCouncil.id}/acknowledge`);
    const { key } = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'council'), 'Revenues');
    const actioned = await t.app.inject({
      method: 'POST',
      url: `/api/agency/notifications/${toCouncil.id}/actioned`,
      headers: { authorization: `Bearer ${key}` },
      payload: { outcome: 'Moved the council tax account to the new address' },
    });
    expect(actioned.statusCode).toBe(200);
    // The steps' times as if done on Thursday 18 June (a day late) and Friday 26 June (in time).
    await t.database.db
      .updateTable('deliveries')
      .set({
        acknowledged_at: new Date('2026-06-18T08:30:00.000Z'),
        actioned_at: new Date('2026-06-26T14:05:00.000Z'),
        acknowledge_flagged_at: null,
        action_flagged_at: null,
      })
      .where('id', '=', toCouncil.id)
      .execute();
    const after = (await officer.page(`/agency/notifications/${toCouncil.id}`)).body;
    expect(row(after, 'acknowledged')).toBe('Acknowledged 18 Jun 2026, 09:30:00 By Rhian Clerk');
    expect(row(after, 'actioned')).toBe('Actioned 26 Jun 2026, 15:05:00 By your system, API key Revenues');
    expect(row(after, 'target-acknowledge')).toBe(
      'Target to acknowledge By the end of 17 June 2026 Not acknowledged in time',
    );
    expect(row(after, 'target-action')).toBe('Target to act By the end of 29 June 2026');

    // The GP practice sees how the report was made, and nothing about council tax.
    const gp = await signedInAgencyClient(t.app, nhs);
    const nhsPage = (await gp.page(`/agency/notifications/${toNhs.id}`)).body;
    expect(row(nhsPage, 'channel')).toBe('How the report was made With an adviser, on the phone');
    expect(row(nhsPage, 'target-acknowledge')).toBe(
      'Target to acknowledge By the end of 17 June 2026 Not acknowledged in time',
    );
    expect(text(nhsPage).toLowerCase()).not.toContain('council tax');
    expect(nhsPage).not.toContain(exampleSubmissions['moving-home'].answers.councilTaxAccount as string);
    expect(nhsPage).toContain('updated the patient record');
    // A colleague with no display name is named by their email address.
    await gp.form(`/agency/notifications/${toNhs.id}/acknowledge`);
    const acknowledged = (await gp.page(`/agency/notifications/${toNhs.id}`)).body;
    expect(row(acknowledged, 'acknowledged')).toMatch(new RegExp(`^Acknowledged .+ By ${nhs.email}$`));

    // Staff, the adviser's colleagues, see them by their name.
    const submissionPage = (await staff.page(`/staff/submissions/${reference}`)).body;
    expect(text(submissionPage)).toContain('Made by Alex Adviser for the resident (On the phone).');
  });

  it('names the UPRN of a routed address for the council, never for the GP practice; an online report has no adviser', async () => {
    const answers = {
      ...exampleSubmissions['moving-home'].answers,
      newAddress: { line1: '24 Mill Lane', town: 'Northbridge', postcode: 'NB2 7QT', uprn: '9000000205' },
    };
    const created = await submitConfirmed(t.app, { ...exampleSubmissions['moving-home'], answers });
    expect(created.statusCode).toBe(201);
    const { council: toCouncil, 'gp-practice': toNhs } = await waitUntilDelivered(
      t.database.db,
      created.json<{ reference: string }>().reference,
    );
    if (!toCouncil || !toNhs) throw new Error('Expected the council and the GP practice to be told');
    // The council of the new address (from its UPRN's custodian code), not the fallback.
    const local = await createTestAgencyUser(t.database.db, 'council', 'agency-user', {
      id: toCouncil.organisation_id,
      kind: 'council',
    });
    // Its own targets (an admin's setting) win over the configured ones: 1 working day to acknowledge, 3 to act.
    await writeSettings(
      t.database.db,
      toCouncil.organisation_id,
      { targets: { acknowledgeDays: 1, actionDays: 3 } },
      null,
    );
    await t.database.db
      .updateTable('deliveries')
      .set({ delivered_at: new Date('2026-06-15T09:00:00.000Z') })
      .where('id', '=', toCouncil.id)
      .execute();
    const councilPage = (await (await signedInAgencyClient(t.app, local)).page(`/agency/notifications/${toCouncil.id}`))
      .body;
    expect(row(councilPage, 'target-acknowledge')).toBe(
      'Target to acknowledge By the end of 16 June 2026 Not acknowledged in time',
    );
    expect(row(councilPage, 'target-action')).toBe('Target to act By the end of 18 June 2026 Not actioned in time');
    expect(text(councilPage)).toContain('UPRN (What address are you moving to?) 9000000205');
    expect(row(councilPage, 'channel')).toBe('How the report was made Online, by the resident');
    expect(councilPage).not.toContain('id="adviser"');

    const gpPage = (await (await signedInAgencyClient(t.app, nhs)).page(`/agency/notifications/${toNhs.id}`)).body;
    expect(text(gpPage)).toContain('24 Mill Lane');
    expect(gpPage).not.toContain('9000000205');
    expect(gpPage).not.toContain('UPRN');
    expect(text(gpPage).toLowerCase()).not.toContain('council tax');
  });
});
