import { randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import { describe, expect, it } from 'vitest';
import { fakeNotify } from '../support/fake-notify.js';
import { createTestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import type { CreateSubmissionResponse } from '@tuo/shared/api/submissions';
import { confirmByCode } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

const mockServer = outsideServices();

/** Submits, confirms with the code (the fake Notify's, or a trial install's), and waits for the receipts to settle. */
async function submitAndSettle(env: Record<string, string>, notify?: ReturnType<typeof fakeNotify>) {
  const t = await createTestApp({ env });
  const worker = await startTestWorker(t.database, testConfig(t.database.url, env));
  try {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: exampleSubmissions['someone-died'],
    });
    const created = res.json<CreateSubmissionResponse>();
    const { reference, trackingSecret } = created;
    const code = notify
      ? (await waitFor(async () => Promise.resolve(notify.sent.find((m) => m.personalisation.code)))).personalisation
          .code
      : undefined;
    await confirmByCode(t.app, created, code);
    const messages = await waitFor(async () => {
      const rows = await t.database.db
        .selectFrom('resident_messages')
        .selectAll()
        .where('kind', '=', 'confirmation')
        .orderBy('channel')
        .execute();
      return rows.length === 2 && rows.every((m) => m.status !== 'queued' && m.status !== 'sending') ? rows : undefined;
    });
    return { reference, trackingSecret, messages };
  } finally {
    await worker.stop();
    await t.close();
  }
}

describe('confirmation to the resident', () => {
  it('sends an email and a text through GOV.UK Notify with the reference and tracking link', async () => {
    const notify = fakeNotify();
    mockServer.use(...notify.handlers);
    const emailTemplate = randomUUID();
    const smsTemplate = randomUUID();
    const { reference, trackingSecret, messages } = await submitAndSettle(
      {
        OUTBOX_RELAY_INTERVAL_MS: '20',
        NOTIFY_API_KEY: notify.apiKey,
        NOTIFY_EMAIL_TEMPLATE_ID: emailTemplate,
        NOTIFY_SMS_TEMPLATE_ID: smsTemplate,
        PUBLIC_URL: 'https://tell-us-once.example.gov.uk',
      },
      notify,
    );
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    // The tracking secret is needed only until the message has gone.
    expect(messages.every((m) => m.personalisation === null && m.provider_id)).toBe(true);
    const email = notify.sent.find((m) => m.type === 'email' && !m.personalisation.code);
    expect(email).toMatchObject({ templateId: emailTemplate, to: 'sean.obrien@example.com' });
    expect(email?.personalisation.reference).toBe(reference);
    expect(email?.personalisation.tracking_link).toBe(
      `https://tell-us-once.example.gov.uk/track?reference=${reference}&secret=${trackingSecret}`,
    );
    expect(notify.sent.find((m) => m.type === 'sms')).toMatchObject({ templateId: smsTemplate, to: '+447700900982' });
  });

  it('records the message, sending nothing, when Notify is not configured', async () => {
    const { messages } = await submitAndSettle({ OUTBOX_RELAY_INTERVAL_MS: '20' });
    expect(messages.map((m) => m.status)).toEqual(['recorded', 'recorded']);
  });
});
