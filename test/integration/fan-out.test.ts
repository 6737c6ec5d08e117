import { agencyKinds, exampleSubmissions, getJourney, routedFields, type AgencyKind } from '@tuo/shared';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { unplacedAddressReason } from '@tuo/shared/submission/v1/unplaced-address-notes';
import type { RunningWorker } from '../../server/src/queue/worker-runner.js';
import { fakeAgency, type Behaviour } from '../support/fake-agency.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testConfig } from '../support/test-config.js';
import { startTestWorker } from '../support/test-worker.js';
import { waitFor } from '../support/wait-for.js';
import { submitConfirmed } from '../support/confirm-submission.js';
import { outsideServices } from '../support/outside-services.js';

const mockServer = outsideServices();

// What each agency must receive of the "someone died" example, written out from its routing rules
// (someone-died-journey.ts) rather than computed by the mapping production uses, so a mistake there fails here.
const deceased = {
  firstName: 'Margaret',
  middleNames: 'Rose',
  lastName: "O'Brien",
  dateOfBirth: '1941-03-27',
  dateOfDeath: '2025-01-14',
  lastAddress: { line1: '12 Acacia Avenue', town: 'Leeds', postcode: 'LS1 4AP' },
};
const reporter = {
  reporterName: "Sean O'Brien",
  relationship: 'child',
  reporterRoles: ['executor', 'next-of-kin'],
  contactMethods: ['email', 'phone'],
  email: 'sean.obrien@example.com',
  phone: '+447700900982',
};
const expectedAnswers: Record<AgencyKind, Record<string, unknown>> = {
  council: {
    ...deceased,
    services: [
      'council-tax',
      'blue-badge',
      'bus-pass',
      'electoral-register',
      'social-housing-tenancy',
      'benefits-or-state-pension',
    ],
    othersLiveAtAddress: 'no',
    ...reporter,
  },
  'gp-practice': { ...deceased, nhsNumber: '9434765919' },
  'housing-provider': { ...deceased, othersLiveAtAddress: 'no', ...reporter },
  jobcentre: { ...deceased, nationalInsuranceNumber: 'AB123456C', maritalStatus: 'widowed', ...reporter },
};

const fast = {
  DELIVERY_RETRY_BASE_MS: '40',
  DELIVERY_RETRY_MAX_MS: '200',
  DELIVERY_TIMEOUT_MS: '400',
  OUTBOX_RELAY_INTERVAL_MS: '20',
  // Five failures in a row open an agency's circuit: keep it short here, where they are the point.
  DELIVERY_CIRCUIT_OPEN_MS: '50',
};

/** An app and a real worker sharing one fresh database, with the given agencies faked. */
async function setUp(agencies: Partial<Record<AgencyKind, Behaviour>>, env: Record<string, string> = {}) {
  const fakes = Object.fromEntries(
    Object.entries(agencies).map(([id, behaviour]) => [id, fakeAgency(id, behaviour)]),
  ) as Partial<Record<AgencyKind, ReturnType<typeof fakeAgency>>>;
  mockServer.use(...Object.values(fakes).map((f) => f.handler));
  const fullEnv = { ...fast, ...Object.assign({}, ...Object.values(fakes).map((f) => f.env)), ...env } as Record<
    string,
    string
  >;
  const t: TestApp = await createTestApp({ env: fullEnv });
  const worker: RunningWorker = await startTestWorker(t.database, testConfig(t.database.url, fullEnv));
  const submit = async (body: unknown = exampleSubmissions['someone-died']) => {
    const res = await submitConfirmed(t.app, body as object);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ reference: string; agencies: AgencyKind[] }>();
  };
  const deliveries = (reference: string) =>
    t.database.db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select([
        'deliveries.id',
        'deliveries.agency',
        'deliveries.status',
        'deliveries.attempts',
        'deliveries.last_error',
        'deliveries.transport',
      ])
      .where('submissions.reference', '=', reference)
      .orderBy('deliveries.agency')
      .execute();
  const settled = (reference: string) =>
    waitFor(
      async () => {
        const rows = await deliveries(reference);
        return rows.length > 0 && rows.every((d) => d.status === 'delivered' || d.status === 'failed')
          ? rows
          : undefined;
      },
      20_000,
      `deliveries of ${reference} to settle`,
    );
  const attempts = (deliveryId: string) =>
    t.database.db
      .selectFrom('delivery_attempts')
      .selectAll()
      .where('delivery_id', '=', deliveryId)
      .orderBy('attempt')
      .execute();
  return {
    fakes,
    submit,
    settled,
    attempts,
    close: async () => {
      await worker.stop();
      await t.close();
    },
  };
}

describe('fan-out to every agency', () => {
  it('delivers one signed notification to each agency, holding only its routed fields', async () => {
    const s = await setUp(Object.fromEntries(agencyKinds.map((kind) => [kind, () => 'accept' as const])));
    try {
      const { reference } = await s.submit();
      const rows = await s.settled(reference);
      expect(rows.map((d) => [d.agency, d.status, d.attempts])).toEqual([
        ['council', 'delivered', 1],
        ['gp-practice', 'delivered', 1],
        ['housing-provider', 'delivered', 1],
        ['jobcentre', 'delivered', 1],
      ]);
      const journey = getJourney('someone-died');
      for (const [agency, fake] of Object.entries(s.fakes)) {
        expect(fake.rejectedSignatures()).toBe(0);
        expect(fake.accepted).toHaveLength(1);
        const received = fake.accepted[0];
        expect(received?.body.type).toBe(`${agency}.notification.created`);
        expect(received?.body.data.reference).toBe(reference);
        const allowed = new Set(routedFields(journey, agency as AgencyKind));
        for (const field of Object.keys(received?.body.data.answers ?? {}))
          expect(allowed, `${agency} got ${field}`).toContain(field);
        // Exactly what the routing rules give this agency, no less and no more, and how far the report
        // was checked (its reporter confirmed it by a code by email).
        expect(received?.body.data).toEqual({
          reference,
          lifeEvent: 'someone-died',
          submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
          channel: 'online',
          answers: expectedAnswers[agency as AgencyKind],
          // No council's area was found for the address here (no OS Places), so the council team is
          // told, and told why.
          ...(agency === 'council'
            ? { unplacedAddresses: [{ field: 'lastAddress', reason: unplacedAddressReason }] }
            : {}),
          verification: {
            level: 'low',
            channel: 'online',
            checks: [{ kind: 'contact-confirmed', by: 'email', at: expect.any(String) as string }],
          },
        });
      }
      // The jobcentre needs the NI number; the GP practice does not get it.
      expect(Object.keys(s.fakes['gp-practice']?.accepted[0]?.body.data.answers ?? {})).not.toContain(
        'nationalInsuranceNumber',
      );
    } finally {
      await s.close();
    }
  });

  it('keeps a notification in the inbox of an agency without a webhook', async () => {
    const s = await setUp({ council: () => 'accept' });
    try {
      const { reference } = await s.submit();
      const rows = await s.settled(reference);
      expect(rows.find((d) => d.agency === 'gp-practice')).toMatchObject({ status: 'delivered', transport: 'inbox' });
      expect(rows.find((d) => d.agency === 'council')).toMatchObject({ status: 'delivered', transport: 'webhook' });
    } finally {
      await s.close();
    }
  });
});

describe('retries', () => {
  it('retries an endpoint failing 5 times and delivers exactly once, with the same webhook-id every time', async () => {
    const seenIds: string[] = [];
    const s = await setUp({ council: (n) => (n <= 5 ? { status: 503 } : 'accept') });
    mockServer.events.on('request:start', ({ request }) => {
      const id = request.headers.get('webhook-id');
      if (id) seenIds.push(id);
    });
    try {
      const { reference } = await s.submit();
      const council = (await s.settled(reference)).find((d) => d.agency === 'council');
      expect(council).toMatchObject({ status: 'delivered', attempts: 6, last_error: null });
      expect(s.fakes.council?.accepted).toHaveLength(1);
      expect(s.fakes.council?.requests()).toBe(6);
      expect(new Set(seenIds).size).toBe(1);
      const attempts = await s.attempts(council?.id ?? '');
      expect(attempts.map((a) => [a.outcome, a.status_code])).toEqual([
        ...Array.from({ length: 5 }, () => ['retry', 503]),
        ['delivered', 204],
      ]);
    } finally {
      mockServer.events.removeAllListeners();
      await s.close();
    }
  });

  it('fails a permanent 400 at once, with the reason recorded', async () => {
    const s = await setUp({ council: () => ({ status: 400 }) });
    try {
      const { reference } = await s.submit();
      const council = (await s.settled(reference)).find((d) => d.agency === 'council');
      expect(council).toMatchObject({ status: 'failed', attempts: 1 });
      expect(council?.last_error).toContain('400');
    } finally {
      await s.close();
    }
  });

  it('fails a webhook answering with a redirect at once, without following it, and says why', async () => {
    const s = await setUp({
      council: () => ({ status: 307, headers: { location: 'https://elsewhere.example/hook' } }),
    });
    let followed = 0;
    mockServer.use(
      http.all('https://elsewhere.example/hook', () => {
        followed += 1;
        return HttpResponse.json({ ok: true });
      }),
    );
    try {
      const { reference } = await s.submit();
      const council = (await s.settled(reference)).find((d) => d.agency === 'council');
      expect(council).toMatchObject({ status: 'failed', attempts: 1 });
      expect(council?.last_error).toBe(
        "The agency's webhook redirected (307); redirects are not followed: check the webhook URL",
      );
      expect(followed).toBe(0);
      expect(s.fakes.council?.accepted).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('times out a hung endpoint and retries it', async () => {
    const s = await setUp({ council: (n) => (n === 1 ? 'hang' : 'accept') });
    try {
      const { reference } = await s.submit();
      const council = (await s.settled(reference)).find((d) => d.agency === 'council');
      expect(council).toMatchObject({ status: 'delivered', attempts: 2 });
      const attempts = await s.attempts(council?.id ?? '');
      expect(attempts[0]).toMatchObject({ outcome: 'retry', error: 'The agency did not answer in time' });
      expect(attempts[0]?.duration_ms).toBeGreaterThanOrEqual(350);
    } finally {
      await s.close();
    }
  });

  it('honours Retry-After on 429 and gives up after the configured number of attempts', async () => {
    const s = await setUp(
      { council: () => ({ status: 429, headers: { 'retry-after': '1' } }) },
      { DELIVERY_MAX_ATTEMPTS: '2', DELIVERY_RETRY_MAX_MS: '5000' },
    );
    try {
      const { reference } = await s.submit();
      const council = (await s.settled(reference)).find((d) => d.agency === 'council');
      expect(council).toMatchObject({ status: 'failed', attempts: 2 });
      expect(council?.last_error).toContain('gave up after 2 attempts');
      const [first, second] = await s.attempts(council?.id ?? '');
      const waited =
        (second?.started_at.getTime() ?? 0) - ((first?.started_at.getTime() ?? 0) + (first?.duration_ms ?? 0));
      expect(waited).toBeGreaterThanOrEqual(950);
    } finally {
      await s.close();
    }
  });
});
