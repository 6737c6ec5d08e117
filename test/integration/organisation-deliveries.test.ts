import { exampleSubmissions } from '@tuo/shared';
import type { AdminOrganisation } from '@tuo/shared/api/organisation-admin';
import { describe, expect, it } from 'vitest';
import { submitConfirmed } from '../support/confirm-submission.js';
import { fakeAgency } from '../support/fake-agency.js';
import { createTestStaff, StaffClient } from '../support/staff-client.js';
import { createTestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { outsideServices } from '../support/outside-services.js';

// Delivery per organisation: each GP practice has its own webhook, its own slots and its own
// circuit, so one practice timing out never holds the slots of another.

const mockServer = outsideServices();

const EACH = 6;
// Long enough that, on a loaded 2-core machine, the other practice is told well inside one timeout.
const TIMEOUT_MS = 8000;

describe('delivering to each organisation on its own', () => {
  it('tells a practice by its own webhook while another practice times out, which holds only its own slots', async () => {
    const slow = fakeAgency('slow-practice', () => 'hang');
    const quick = fakeAgency('quick-practice');
    mockServer.use(slow.handler, quick.handler);
    const env: Record<string, string> = {
      DELIVERY_TIMEOUT_MS: String(TIMEOUT_MS),
      DELIVERY_ORGANISATION_CONCURRENCY: '2',
      DELIVERY_CIRCUIT_FAILURES: '2',
      DELIVERY_CIRCUIT_OPEN_MS: '60000',
      DELIVERY_RETRY_BASE_MS: '600000',
      OUTBOX_RELAY_INTERVAL_MS: '20',
    };
    const t = await createTestApp({ env });
    const db = t.database.db;
    const admin = new StaffClient(t.app);
    expect((await admin.signIn(await createTestStaff(db, 'admin'))).statusCode).toBe(200);
    const practice = async (name: string, code: string, webhook: { url: string; secret: string }) => {
      const response = await admin.api('POST', '/api/admin/organisations', {
        kind: 'gp-practice',
        name,
        code,
        settings: { webhook: { url: webhook.url, secret: webhook.secret } },
      });
      expect(response.statusCode).toBe(201);
      const made = response.json<AdminOrganisation>();
      // The secret is sealed where it is kept, and never shown again.
      expect(made.settings).toEqual({ webhook: { url: webhook.url } });
      return made;
    };
    const slowPractice = await practice('Slow Lane Surgery', 'Y93001', slow);
    const quickPractice = await practice('Quick Lane Surgery', 'Y93002', quick);
    const stored = await db.selectFrom('organisation_settings').select('webhook_secret_sealed').execute();
    expect(stored.every((row) => !String(row.webhook_secret_sealed).includes(slow.secret.slice(6)))).toBe(true);

    const worker = await startTestWorker(t.database, testConfig(t.database.url, env));
    try {
      const started = Date.now();
      const report = (gpPractice: string) =>
        submitConfirmed(t.app, {
          ...exampleSubmissions['someone-died'],
          answers: { ...exampleSubmissions['someone-died'].answers, gpPractice },
        });
      const responses = await Promise.all(
        Array.from({ length: EACH }).flatMap(() => [report(slowPractice.id), report(quickPractice.id)]),
      );
      expect(responses.every((r) => r.statusCode === 201)).toBe(true);
      const toPractice = (id: string) =>
        db
          .selectFrom('deliveries')
          .select(['status', 'attempts', 'transport'])
          .where('organisation_id', '=', id)
          .execute();
      const told = await waitFor(
        async () => {
          const rows = await toPractice(quickPractice.id);
          return rows.length === EACH && rows.every((r) => r.status === 'delivered') ? rows : undefined;
        },
        TIMEOUT_MS * 2,
        'the quick practice to have every notification',
      );
      // Before the slow practice's first attempt could even time out.
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
      expect(told.every((r) => r.attempts === 1 && r.transport === 'webhook')).toBe(true);
      expect(quick.accepted).toHaveLength(EACH);
      expect(quick.rejectedSignatures()).toBe(0);
      expect(new Set(quick.accepted.map((a) => a.body.type))).toEqual(new Set(['gp-practice.notification.created']));
      // The slow practice holds its own two slots, no more; its other notifications wait, untouched.
      const waiting = await toPractice(slowPractice.id);
      expect(waiting.filter((r) => r.status === 'sending')).toHaveLength(2);
      expect(waiting.filter((r) => r.attempts === 0 && r.status === 'queued')).toHaveLength(EACH - 2);
      expect(slow.requests()).toBe(2);
      expect(slow.rejectedSignatures()).toBe(0);
    } finally {
      await worker.stop();
      await t.close();
    }
  }, 120_000);
});
