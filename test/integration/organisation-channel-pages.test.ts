import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStaff, StaffClient, type TestStaff } from '../support/staff-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// An organisation's channels in the staff console's plain HTML forms: its primary channel, its
// webhook (the secret set or replaced, never shown), its scheduled file (the SFTP address in its
// parts, and the public key to copy) and its email alert, with GOV.UK errors, every change audited.

let t: TestApp;
let admin: TestStaff;
let client: StaffClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createTestStaff(t.database.db, 'admin');
  client = new StaffClient(t.app);
  expect((await client.signIn(admin)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const hostKey = `SHA256:${Buffer.alloc(32, 9).toString('base64').replace(/=+$/, '')}`;
const secret = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;
const fileFields: [string, string][] = [
  ['primaryChannel', 'file'],
  ['sftpHost', 'files.practice.example'],
  ['sftpPort', '2222'],
  ['sftpUser', 'tuo'],
  ['sftpFolder', '/imports/tell us once'],
  ['fileHostKey', hostKey],
  ['fileFormat', 'xml'],
  ['fileSchedule', '0 18 * * 1-5'],
];

const errorSummary = (html: string) =>
  [...html.matchAll(/<li><a href="#([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)].map(([, field, message]) => ({
    field,
    message: message?.replaceAll('&#x27;', '’'),
  }));

const stored = (id: string) =>
  t.database.db
    .selectFrom('organisation_settings')
    .select(['file_sftp_url', 'file_public_key', 'file_private_key_sealed', 'webhook_secret_sealed', 'alert_email'])
    .where('organisation_id', '=', id)
    .executeTakeFirstOrThrow();

const lastSettingsChange = async () =>
  (
    await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'organisation.settings-changed')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow()
  ).detail as Record<string, unknown>;

/** The summary list's words, row by row, and the public key box's. */
const shownPage = (html: string) => ({
  rows: [...html.matchAll(/<dt class="govuk-summary-list__key">([^<]+)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map(
    ([, key, value]) => [key, value?.replaceAll('&#x27;', '’')],
  ),
  publicKey: /<textarea[^>]*id="sftpPublicKey"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1],
});

describe('an organisation’s channels in the staff console', () => {
  it('are set in the form, shown with the public key to copy, changed, and audited; the secret is never shown', async () => {
    await client.page('/staff/organisations/new');
    const added = await client.form('/staff/organisations/new', [
      ['kind', 'gp-practice'],
      ['name', 'Harbour View Surgery'],
      ['code', 'Y96001'],
      ...fileFields,
      ['alertEmail', 'registrations@harbour.example'],
      ['alertFrequency', 'daily'],
    ]);
    expect(added.statusCode).toBe(303);
    const location = String(added.headers.location);
    const id = location.split('/')[3]?.split('?')[0] ?? '';
    const row = await stored(id);
    expect(row.file_sftp_url).toBe('sftp://tuo@files.practice.example:2222/imports/tell%20us%20once');
    const page = shownPage((await client.page(location)).body);
    expect(page.rows).toEqual(
      expect.arrayContaining([
        ['How it is told', 'A scheduled file over SFTP'],
        ['Webhook', 'None'],
        [
          'Scheduled file',
          'XML to /imports/tell us once on files.practice.example, port 2222, as tuo; made on the cron line 0 18 * * 1-5 (UTC)',
        ],
        ['SFTP server’s host key', hostKey],
        ['Email alert', 'registrations@harbour.example, a daily digest at 08:00 UTC'],
      ]),
    );
    // The public key to authorise, whole; the private key never leaves the portal.
    expect(page.publicKey).toBe(row.file_public_key);
    expect(page.publicKey).toMatch(/^ssh-ed25519 AAAA/);

    // The change form starts from what is set; a new key pair replaces the old one.
    const form = await client.page(`/staff/organisations/${id}/change`);
    for (const value of ['files.practice.example', '2222', 'tuo', '/imports/tell us once', hostKey, '0 18 * * 1-5'])
      expect(form.body).toContain(`value="${value}"`);
    expect(form.body).toContain('<option value="xml" selected="">');
    const entry: [string, string][] = [
      ['name', 'Harbour View Surgery'],
      ['code', 'Y96001'],
    ];
    const rekeyed = await client.form(`/staff/organisations/${id}/change`, [
      ...entry,
      ...fileFields,
      ['fileNewKey', 'yes'],
      ['alertEmail', 'registrations@harbour.example'],
      ['alertFrequency', 'immediate'],
    ]);
    expect(rekeyed.statusCode).toBe(303);
    const after = await stored(id);
    expect(after.file_public_key).not.toBe(row.file_public_key);
    expect(after.file_private_key_sealed).not.toBe(row.file_private_key_sealed);
    // The team mailbox in full (deliberately: see settingsDetail); the key pair only as made.
    const audited = await lastSettingsChange();
    expect(audited).toMatchObject({
      organisationId: id,
      fileNewKey: true,
      fileUrl: 'sftp://tuo@files.practice.example:2222/imports/tell%20us%20once',
      alertEmail: 'registrations@harbour.example',
      alertFrequency: 'immediate',
    });
    expect(JSON.stringify(audited)).not.toContain(after.file_public_key?.split(' ')[1] ?? 'no key');

    // Told by webhook instead: the secret is set, then kept when left blank, then replaced; never shown.
    const toWebhook = await client.form(`/staff/organisations/${id}/change`, [
      ...entry,
      ['primaryChannel', 'webhook'],
      ['webhookUrl', 'https://harbour.example/hooks'],
      ['webhookSecret', secret],
    ]);
    expect(toWebhook.statusCode).toBe(303);
    const webhookPage = await client.page(`/staff/organisations/${id}`);
    expect(shownPage(webhookPage.body).rows).toEqual(
      expect.arrayContaining([
        ['How it is told', 'Its webhook'],
        ['Webhook', 'https://harbour.example/hooks (signed with its secret, which is set and never shown)'],
        ['Scheduled file', 'None'],
        ['Email alert', 'None'],
      ]),
    );
    expect(shownPage(webhookPage.body).publicKey).toBeUndefined();
    const sealed = (await stored(id)).webhook_secret_sealed;
    const changeForm = await client.page(`/staff/organisations/${id}/change`);
    expect(changeForm.body).toContain('value="https://harbour.example/hooks"');
    for (const html of [webhookPage.body, changeForm.body]) expect(html).not.toContain(secret.slice(6));
    const kept = await client.form(`/staff/organisations/${id}/change`, [
      ...entry,
      ['primaryChannel', 'webhook'],
      ['webhookUrl', 'https://harbour.example/hooks/v2'],
    ]);
    expect(kept.statusCode).toBe(303);
    expect((await stored(id)).webhook_secret_sealed).toBe(sealed);
    expect(await lastSettingsChange()).toMatchObject({ webhookSecretChanged: false });
    await client.form(`/staff/organisations/${id}/change`, [
      ...entry,
      ['primaryChannel', 'webhook'],
      ['webhookUrl', 'https://harbour.example/hooks/v2'],
      ['webhookSecret', `whsec_${Buffer.alloc(24, 4).toString('base64')}`],
    ]);
    expect((await stored(id)).webhook_secret_sealed).not.toBe(sealed);
    expect(await lastSettingsChange()).toMatchObject({ webhookSecretChanged: true });
  });

  it('show GOV.UK errors on the channel fields, keeping what was typed', async () => {
    await client.page('/staff/organisations/new');
    const practice: [string, string][] = [
      ['kind', 'gp-practice'],
      ['name', 'Slipway Surgery'],
    ];
    const parts = await client.form('/staff/organisations/new', [
      ...practice,
      ['primaryChannel', 'file'],
      ['sftpHost', 'files.slipway.example'],
      ['sftpPort', '70000'],
      ['fileHostKey', 'MD5:aa:bb'],
      ['fileSchedule', 'weekdays'],
      ['alertEmail', 'not an address'],
    ]);
    expect(parts.statusCode).toBe(400);
    expect(errorSummary(parts.body)).toEqual([
      { field: 'sftpPort', message: 'Enter the port as a number from 1 to 65535, like 22' },
      { field: 'sftpUser', message: 'Enter the user the portal signs in as' },
      { field: 'sftpFolder', message: 'Enter the folder files are put in, starting /, like /imports' },
      { field: 'fileHostKey', message: 'Enter the host key fingerprint as ssh-keygen -lf prints it, starting SHA256:' },
      {
        field: 'fileSchedule',
        message: 'Enter when the file is made as a cron line of five fields, like 0 18 * * 1-5',
      },
      {
        field: 'alertEmail',
        message: 'Enter the team mailbox as an email address, like benefits.team@council.example',
      },
    ]);
    expect(parts.body).toContain('value="files.slipway.example"');
    expect(parts.body).toContain('value="not an address"');
    // Five fields, but not a time graphile-worker can run.
    const schedule = await client.form('/staff/organisations/new', [
      ...practice,
      ...fileFields.map(([name, value]): [string, string] => [name, name === 'fileSchedule' ? '61 * * * *' : value]),
    ]);
    expect(schedule.statusCode).toBe(400);
    expect(errorSummary(schedule.body)).toEqual([
      {
        field: 'fileSchedule',
        message:
          'Enter when the file is made as a cron line of five fields in range, like 0 18 * * 1-5 (18:00 UTC on weekdays)',
      },
    ]);
    const unset = await client.form('/staff/organisations/new', [...practice, ['primaryChannel', 'file']]);
    expect(errorSummary(unset.body)).toEqual([
      { field: 'sftpHost', message: 'Enter the SFTP address, or choose another way to tell it' },
    ]);
    const both = await client.form('/staff/organisations/new', [
      ...practice,
      ...fileFields.filter(([name]) => name !== 'primaryChannel'),
      ['webhookUrl', 'https://slipway.example/hooks'],
      ['webhookSecret', secret],
    ]);
    expect(errorSummary(both.body)).toEqual([
      { field: 'primaryChannel', message: 'Choose whether it is told by webhook or by scheduled file' },
    ]);
    expect(both.body).not.toContain(secret.slice(6));
    const organisations = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Slipway Surgery')
      .execute();
    expect(organisations).toEqual([]);
  });
});
