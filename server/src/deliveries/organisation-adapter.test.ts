import { randomBytes } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterRegistry } from '../adapters/adapter-registry.js';
import { sealOrganisationWebhookSecret } from '../organisations/organisation-webhook.js';
import {
  organisationAdapter,
  type OrganisationChannelFacts,
  type OrganisationWebhooks,
} from './organisation-adapter.js';

// The one rule for an organisation's channel, which deliveries and the events about them share.

const secret = () => `whsec_${randomBytes(32).toString('base64')}`;
const kind = { url: 'https://council.kind.test/hook', secret: secret() };
const own = { url: 'https://own.council.test/hook', secret: secret() };
const sealingSecret = 's'.repeat(32);
const organisationId = '0b6c3c8e-6a43-4f4e-9d55-2f7f1b0c9a11';
const adapters = createAdapterRegistry({
  agencies: {
    council: { webhook: kind },
    'gp-practice': {},
    'housing-provider': {},
    jobcentre: {},
  },
  delivery: {
    maxAttempts: 3,
    retryBaseMs: 10,
    retryMaxMs: 100,
    timeoutMs: 2000,
    concurrency: 4,
    organisationConcurrency: 2,
    circuitFailures: 5,
    circuitOpenMs: 1000,
  },
});
const webhooks: OrganisationWebhooks = {
  sealingSecret,
  timeoutMs: 2000,
  signingSecrets: (_organisation, ownSecret) => Promise.resolve([ownSecret]),
};
const facts = (overrides: Partial<OrganisationChannelFacts>): OrganisationChannelFacts => ({
  agency: 'council',
  organisation_id: organisationId,
  fallback: false,
  webhook_url: null,
  webhook_secret_sealed: null,
  primary_channel: null,
  ...overrides,
});
const withOwnWebhook = {
  webhook_url: own.url,
  webhook_secret_sealed: sealOrganisationWebhookSecret(sealingSecret, organisationId, own.secret),
};

/** What each webhook received, verified with its own secret (a wrong signature is refused, 401). */
const received: { at: string; type: string }[] = [];
const receiver = (target: { url: string; secret: string }) =>
  http.post(target.url, async ({ request }) => {
    const body = await request.text();
    try {
      new Webhook(target.secret).verify(body, Object.fromEntries(request.headers.entries()));
    } catch {
      return new HttpResponse(null, { status: 401 });
    }
    received.push({ at: target.url, type: (JSON.parse(body) as { type: string }).type });
    return new HttpResponse(null, { status: 204 });
  });
const server = setupServer(receiver(kind), receiver(own));
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  received.length = 0;
});
afterAll(() => {
  server.close();
});

const event = { messageId: 'msg_event', type: 'council.notification.withdrawn', data: { id: organisationId } };

describe('organisationAdapter', () => {
  it.each([
    ['its own webhook, with no choice made', withOwnWebhook, 'webhook'],
    ['its own webhook, chosen', { ...withOwnWebhook, primary_channel: 'webhook' as const }, 'webhook'],
    ['the pull API, chosen', { primary_channel: 'pull-api' as const }, 'inbox'],
    ['the agency portal, chosen', { primary_channel: 'agency-portal' as const }, 'inbox'],
    ['its scheduled file, chosen', { primary_channel: 'file' as const }, 'file'],
    ['nothing of its own', {}, 'inbox'],
    ['a webhook chosen with no secret kept', { primary_channel: 'webhook' as const, webhook_url: own.url }, 'inbox'],
  ])('tells an organisation with %s by %s', (_what, overrides, transport) => {
    expect(organisationAdapter(adapters, facts(overrides), webhooks).transport).toBe(transport);
  });

  it('gives the kind’s configured channel to its fallback alone, unless the fallback chose its own', () => {
    expect(organisationAdapter(adapters, facts({ fallback: true }), webhooks)).toBe(adapters.council);
    expect(
      organisationAdapter(adapters, facts({ fallback: true, primary_channel: 'pull-api' }), webhooks).transport,
    ).toBe('inbox');
  });

  it('sends an event the notification’s way: to the organisation’s own webhook, signed with its own secret', async () => {
    const outcome = await organisationAdapter(adapters, facts(withOwnWebhook), webhooks).sendEvent(event);
    expect(outcome).toMatchObject({ kind: 'delivered', statusCode: 204 });
    expect(received).toEqual([{ at: own.url, type: event.type }]);
  });

  it('pushes no event for an organisation told through its inbox or file, not even to the kind’s webhook', async () => {
    for (const chosen of [{}, { primary_channel: 'pull-api' as const }, { primary_channel: 'file' as const }])
      expect(await organisationAdapter(adapters, facts(chosen), webhooks).sendEvent(event)).toEqual({
        kind: 'delivered',
      });
    expect(received).toEqual([]);
    // The fallback takes the kind's webhook, signed with the kind's secret.
    await organisationAdapter(adapters, facts({ fallback: true }), webhooks).sendEvent(event);
    expect(received).toEqual([{ at: kind.url, type: event.type }]);
  });
});
