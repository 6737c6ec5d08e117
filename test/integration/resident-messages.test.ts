import { randomUUID } from 'node:crypto';
import { exampleSubmissions } from '@tuo/shared';
import { sql } from 'kysely';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { relayOutboxOnce } from '../../server/src/queue/outbox-relay.js';
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

  it('sends many messages as one batch job, and retries only the one Notify turned away', async () => {
    const notify = fakeNotify();
    mockServer.use(...notify.handlers);
    // GOV.UK Notify's answer over its rate limit, once, to the first email of the batch.
    let turnedAway = 0;
    mockServer.use(
      http.post(
        'https://api.notifications.service.gov.uk/v2/notifications/email',
        () => {
          turnedAway += 1;
          return HttpResponse.json(
            {
              errors: [
                {
                  error: 'RateLimitError',
                  message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds',
                },
              ],
              status_code: 429,
            },
            { status: 429 },
          );
        },
        { once: true },
      ),
    );
    const env = {
      OUTBOX_RELAY_INTERVAL_MS: '20',
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
      NOTIFY_SMS_TEMPLATE_ID: randomUUID(),
    };
    const t = await createTestApp({ env });
    try {
      // Three reports before any worker runs: their confirmation codes (by email; the receipts are
      // held until a code is entered) wait in the outbox together.
      const earlier = await t.database.db.selectFrom('resident_messages').select('id').execute();
      const ours = t.database.db
        .selectFrom('resident_messages')
        .where('id', 'not in', [randomUUID(), ...earlier.map((m) => m.id)])
        .where('kind', '=', 'confirmation-code');
      for (let i = 0; i < 3; i += 1) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/submissions',
          payload: exampleSubmissions['someone-died'],
        });
        expect(res.statusCode).toBe(201);
      }
      const messages = await ours.select(['id', 'channel']).execute();
      expect(messages.length).toBe(3);
      // One relay moves them all, as one batch job carrying every message.
      await relayOutboxOnce(t.database.db);
      const jobs = await sql<{ payload: unknown }>`
        -- The jobs view leaves payloads out; the table it reads has them.
        select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send_resident_message'
      `.execute(t.database.db);
      expect(jobs.rows).toHaveLength(1);
      expect(new Set((jobs.rows[0]?.payload as { messageId: string }[]).map((item) => item.messageId))).toEqual(
        new Set(messages.map((m) => m.id)),
      );

      const worker = await startTestWorker(t.database, testConfig(t.database.url, env));
      try {
        const settled = await waitFor(async () => {
          const rows = await ours.selectAll().execute();
          return rows.every((m) => m.status === 'sent') ? rows : undefined;
        });
        expect(turnedAway).toBe(1);
        // Every message went exactly once: the two Notify took at the first try were not sent again.
        expect(notify.sent).toHaveLength(3);
        expect(new Set(notify.sent.map((m) => m.personalisation.code)).size).toBe(3);
        expect(settled.every((m) => m.provider_id && m.personalisation === null && m.error === null)).toBe(true);
      } finally {
        await worker.stop();
      }
    } finally {
      await t.close();
    }
  });
});
