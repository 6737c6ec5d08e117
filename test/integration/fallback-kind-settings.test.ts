import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import { addSampleCouncils } from '../support/sample-councils.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A kind's fallback follows its kind's AGENCY_<KIND>_* settings where it sets nothing itself: its
// page in the staff console shows them as the server has them, and never a secret or a key.

const webhookSecret = `whsec_${Buffer.alloc(24, 5).toString('base64')}`;
const hostKey = `SHA256:${Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '')}`;
const env = {
  AGENCY_COUNCIL_WEBHOOK_URL: 'https://hooks.council.example:8443/tell-us-once?token=do-not-show-me',
  AGENCY_COUNCIL_WEBHOOK_SECRET: webhookSecret,
  AGENCY_COUNCIL_ALERT_EMAIL: 'revenues-team@council.example',
  AGENCY_GP_PRACTICE_FILE_SFTP_URL: 'sftp://tuo-nhs@files.nhs.example:2222/imports/tell-us-once',
  AGENCY_GP_PRACTICE_FILE_SFTP_KEY_FILE: '/run/secrets/gp-practice-sftp-key',
  AGENCY_GP_PRACTICE_FILE_SFTP_HOST_KEY: hostKey,
  AGENCY_GP_PRACTICE_FILE_FORMAT: 'xml',
  AGENCY_GP_PRACTICE_FILE_SCHEDULE: '30 17 * * 1-5',
  AGENCY_GP_PRACTICE_ALERT_EMAIL: 'registrations@nhs.example',
  AGENCY_GP_PRACTICE_ALERT_FREQUENCY: 'daily',
};

let t: TestApp;
let client: StaffClient;
beforeAll(async () => {
  t = await createTestApp({ env });
  client = new StaffClient(t.app);
  expect((await client.signIn(await createTestStaff(t.database.db, 'admin'))).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

/** The rows of the kind's settings, as the page shows them. */
function kindRows(html: string): string[][] {
  const list = /<dl class="govuk-summary-list" id="kind-settings">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<dt class="govuk-summary-list__key">([^<]+)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map(
    ([, key, value]) => [key ?? '', (value ?? '').replaceAll('&#x27;', '’')],
  );
}

const page = async (id: string) => {
  const shown = await client.page(`/staff/organisations/${id}`);
  expect(shown.statusCode).toBe(200);
  return shown.body;
};

describe("a fallback organisation's page in the staff console", () => {
  it("shows its kind's webhook by host and its alert, never the secret or the URL's path and query", async () => {
    const html = await page((await fallbackOrganisation(t.database.db, 'council')).id);
    expect(html).toContain('Its kind’s settings (AGENCY_COUNCIL_*)');
    expect(kindRows(html)).toEqual([
      ['How its kind is told', 'A webhook'],
      ['Webhook', 'To hooks.council.example:8443 (signed with the kind’s secret, which is set and never shown)'],
      ['Scheduled file', 'None'],
      ['SFTP server’s host key', 'None'],
      ['Email alert', 'revenues-team@council.example, at once (within a minute of new notifications)'],
    ]);
    expect(html).not.toContain(webhookSecret);
    expect(html).not.toContain('do-not-show-me');
    expect(html).not.toContain('/tell-us-once');
  });

  it("shows its kind's scheduled file by server, folder and schedule, never the private key's file", async () => {
    const html = await page((await fallbackOrganisation(t.database.db, 'gp-practice')).id);
    expect(kindRows(html)).toEqual([
      ['How its kind is told', 'A scheduled file over SFTP'],
      ['Webhook', 'None'],
      [
        'Scheduled file',
        'XML to /imports/tell-us-once on files.nhs.example, port 2222, as tuo-nhs; made on the cron line 30 17 * * 1-5 (UTC)',
      ],
      ['SFTP server’s host key', hostKey],
      ['Email alert', 'registrations@nhs.example, a daily digest at 08:00 UTC'],
    ]);
    expect(html).not.toContain('/run/secrets/gp-practice-sftp-key');
  });

  it('says a kind with neither is told through its inbox, and shows nothing of the kind on any other organisation', async () => {
    const html = await page((await fallbackOrganisation(t.database.db, 'jobcentre')).id);
    expect(kindRows(html)).toEqual([
      ['How its kind is told', 'Its inbox (the agency API or portal): no webhook or file is set'],
      ['Webhook', 'None'],
      ['Scheduled file', 'None'],
      ['SFTP server’s host key', 'None'],
      ['Email alert', 'None'],
    ]);
    const { southmere } = await addSampleCouncils(t.database.db);
    const own = await page(southmere.id);
    expect(own).not.toContain('Its kind’s settings');
    expect(own).not.toContain('hooks.council.example');
  });
});
