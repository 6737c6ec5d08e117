import { randomBytes } from 'node:crypto';
import { exampleSubmissions, type AgencyPayloadV1 } from '@tuo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/src/agency/api-keys.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig, testProtectedValues } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { waitUntilDelivered } from '../support/wait-until-delivered.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// Only routed fields leave: a GP practice and Jobcentre Plus find people by name, date of birth and
// number, so no payload of theirs carries a UPRN; a council keeps its records by property, and gets it.

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const env = { OUTBOX_RELAY_INTERVAL_MS: '20' };
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let t: TestApp;
let worker: RunningWorker;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret });
  const withWebhook = {
    ...env,
    AGENCY_GP_PRACTICE_WEBHOOK_URL: receiver.url('gp-practice'),
    AGENCY_GP_PRACTICE_WEBHOOK_SECRET: secret,
  };
  t = await createTestApp({ env: withWebhook });
  worker = await startTestWorker(t.database, testConfig(t.database.url, withWebhook));
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await receiver.close();
});

interface Pulled {
  reference: string;
  payload: { answers: Record<string, unknown> };
}

async function pulled(key: string, reference: string): Promise<Pulled> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/agency/notifications?limit=200',
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.statusCode).toBe(200);
  const found = res.json<{ notifications: Pulled[] }>().notifications.find((n) => n.reference === reference);
  if (!found) throw new Error(`no notification for ${reference}`);
  return found;
}

const newAddress = { line1: '24 Mill Lane', town: 'Northbridge', postcode: 'NB2 7QT' };

describe('the UPRN of an address', () => {
  it('reaches the council over the API, never a GP practice by webhook or Jobcentre Plus over the API', async () => {
    const answers = { ...exampleSubmissions['moving-home'].answers, newAddress: { ...newAddress, uprn: '9000000205' } };
    const created = await submitConfirmed(t.app, { ...exampleSubmissions['moving-home'], answers });
    expect(created.statusCode).toBe(201);
    const { reference } = created.json<{ reference: string }>();
    const delivered = await waitUntilDelivered(t.database.db, reference);
    const { council, jobcentre } = delivered;
    if (!council || !jobcentre || !delivered['gp-practice']) throw new Error('Expected three kinds to be told');

    // The council of the new address: the property's own reference, as the resident chose it.
    const councilKey = await createApiKey(t.database.db, { id: council.organisation_id, kind: 'council' }, 'Revenues');
    expect((await pulled(councilKey.key, reference)).payload.answers.newAddress).toEqual({
      ...newAddress,
      uprn: '9000000205',
    });

    const webhook = await waitFor(() =>
      Promise.resolve(receiver.received.find((item) => item.reference === reference)),
    );
    expect(webhook.type).toBe('gp-practice.notification.created');
    expect((webhook.data.answers as Record<string, unknown>).newAddress).toEqual(newAddress);
    expect(JSON.stringify(webhook.data)).not.toContain('9000000205');

    const jobcentreKey = await createApiKey(
      t.database.db,
      await fallbackOrganisation(t.database.db, 'jobcentre'),
      'DWP',
    );
    const toJobcentre = await pulled(jobcentreKey.key, reference);
    expect(toJobcentre.payload.answers.newAddress).toEqual(newAddress);
    expect(JSON.stringify(toJobcentre)).not.toContain('9000000205');
  });

  it('is not served to Jobcentre Plus from a payload stored before it was withheld', async () => {
    const answers = { ...exampleSubmissions['moving-home'].answers, newAddress: { ...newAddress, uprn: '9000000206' } };
    const created = await submitConfirmed(t.app, { ...exampleSubmissions['moving-home'], answers });
    const { reference } = created.json<{ reference: string }>();
    const { jobcentre } = await waitUntilDelivered(t.database.db, reference);
    if (!jobcentre) throw new Error('Expected Jobcentre Plus to be told');
    // As an older build stored it: the address with its UPRN.
    const privacy = testProtectedValues();
    const row = await t.database.db
      .selectFrom('deliveries')
      .select('payload')
      .where('id', '=', jobcentre.id)
      .executeTakeFirstOrThrow();
    const stored = privacy.openPayload(row.payload);
    const older: AgencyPayloadV1 = {
      ...stored,
      answers: { ...stored.answers, newAddress: { ...newAddress, uprn: '9000000206' } },
    };
    await t.database.db
      .updateTable('deliveries')
      .set({ payload: JSON.stringify(privacy.sealPayload(older)) })
      .where('id', '=', jobcentre.id)
      .execute();

    const key = await createApiKey(t.database.db, await fallbackOrganisation(t.database.db, 'jobcentre'), 'DWP');
    const served = await pulled(key.key, reference);
    expect(served.payload.answers.newAddress).toEqual(newAddress);
    expect(served.payload.answers.fullName).toBe('Priya Shah');
  });
});
