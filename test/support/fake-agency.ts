import { randomBytes } from 'node:crypto';
import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { delay, http, HttpResponse } from 'msw';
import { Webhook } from 'standardwebhooks';

/**
 * What a fake agency endpoint does with the n-th request it gets (1-based): accept it (204), hang,
 * or answer with a status (a 2xx is accepted too), headers and a JSON body, such as the agency's
 * own case reference `{ reference: '…' }`.
 */
export type Behaviour = (
  n: number,
) => 'accept' | 'hang' | { status: number; headers?: Record<string, string>; json?: unknown };

/** One notification the fake agency accepted, with its verified signature. */
export interface Received {
  webhookId: string;
  body: {
    type: string;
    timestamp: string;
    data: {
      reference: string;
      lifeEvent: string;
      submittedAt: string;
      channel: string;
      answers: Record<string, unknown>;
    };
  };
}

/**
 * A stand-in for an agency's webhook receiver that keeps the rules a real one would: it refuses
 * (401) anything whose Standard Webhooks signature does not verify, and records what it accepted.
 */
export function fakeAgency(agency: string, behaviour: Behaviour = () => 'accept') {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const url = `https://${agency}.agency.test/webhooks/tell-us-once`;
  const verifier = new Webhook(secret);
  const accepted: Received[] = [];
  let requests = 0;
  let rejectedSignatures = 0;
  const handler = http.post(url, async ({ request }) => {
    requests += 1;
    const n = requests;
    const text = await request.text();
    try {
      verifier.verify(text, Object.fromEntries(request.headers.entries()));
    } catch {
      rejectedSignatures += 1;
      return HttpResponse.json({ error: 'bad signature' }, { status: 401 });
    }
    const action = behaviour(n);
    if (action === 'hang') {
      await delay('infinite');
      return HttpResponse.json({});
    }
    if (action === 'accept') {
      accepted.push({ webhookId: request.headers.get('webhook-id') ?? '', body: JSON.parse(text) as Received['body'] });
      return new HttpResponse(null, { status: 204 });
    }
    if (action.status >= 200 && action.status < 300)
      accepted.push({ webhookId: request.headers.get('webhook-id') ?? '', body: JSON.parse(text) as Received['body'] });
    return HttpResponse.json(action.json ?? { error: 'as configured' }, {
      status: action.status,
      headers: action.headers ?? {},
    });
  });
  const envName = agency.toUpperCase().replaceAll('-', '_');
  return {
    handler,
    /** Where it listens and what it verifies with, for an organisation's own webhook settings. */
    url,
    secret,
    accepted,
    requests: () => requests,
    rejectedSignatures: () => rejectedSignatures,
    env: { [`AGENCY_${envName}_WEBHOOK_URL`]: url, [`AGENCY_${envName}_WEBHOOK_SECRET`]: secret },
  };
}

/** One {@link fakeAgency}. */
export type FakeAgency = ReturnType<typeof fakeAgency>;

/**
 * A fake for every kind of organisation, each accepting unless `behaviours` says otherwise, and
 * the environment settings pointing each kind's webhook at its fake.
 */
export function fakeAgencies(behaviours: Partial<Record<AgencyKind, Behaviour>> = {}): {
  fakes: Record<AgencyKind, FakeAgency>;
  env: Record<string, string>;
} {
  const fakes = Object.fromEntries(agencyKinds.map((kind) => [kind, fakeAgency(kind, behaviours[kind])])) as Record<
    AgencyKind,
    FakeAgency
  >;
  return { fakes, env: Object.assign({}, ...Object.values(fakes).map((fake) => fake.env)) as Record<string, string> };
}
