import type { AgencyKind } from '@tuo/shared';
import type { PrimaryChannel } from '@tuo/shared/api/organisation-channels';
import type { Kysely } from 'kysely';
import type { AdapterRegistry } from '../adapters/adapter-registry.js';
import type { AgencyAdapter, Transport } from '../adapters/agency-adapter.js';
import { organisationSigningSecrets } from '../agency/webhook-secrets.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { createFileTransport } from '../adapters/transports/file-transport.js';
import { createInboxTransport } from '../adapters/transports/inbox-transport.js';
import { createWebhookTransport } from '../adapters/transports/webhook-transport.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';
import { openOrganisationWebhookSecret } from '../organisations/organisation-webhook.js';

/**
 * What decides how one organisation is told, as its rows hold it (`organisations` joined with
 * `organisation_settings`): read beside each delivery claimed and each event about one.
 */
export interface OrganisationChannelFacts {
  agency: AgencyKind;
  organisation_id: string;
  /** Whether it is the kind's fallback organisation, which alone takes the kind's configured channel. */
  fallback: boolean;
  /** Its own webhook and its sealed signing secret, if it has one. */
  webhook_url: string | null;
  webhook_secret_sealed: string | null;
  /** How an admin chose it is told (null: its webhook if any, else the default). */
  primary_channel: PrimaryChannel | null;
}

/** How an organisation's own webhook is signed: its sealed secret opened, and its rotations. */
export interface OrganisationWebhooks {
  sealingSecret: string;
  timeoutMs: number;
  /** The secrets to sign with now, given the organisation's own (see agency/webhook-secrets.ts). */
  signingSecrets: (organisation: OrganisationScope, own: string) => Promise<string[]>;
}

/** The kind's adapter with both its notifications and the events about them going by `transport`. */
const by = (adapter: AgencyAdapter, transport: Transport): AgencyAdapter => ({
  ...adapter,
  transport: transport.kind,
  deliver: (notification) => transport.send(notification),
  sendEvent: (event) => transport.sendEvent(event),
});

/** Its own webhook, signed with its own secret (opened from its seal) and that secret's rotations. */
function ownWebhook(
  adapter: AgencyAdapter,
  organisation: OrganisationScope,
  webhook: { url: string; sealed: string },
  webhooks: OrganisationWebhooks,
): AgencyAdapter {
  return by(
    adapter,
    createWebhookTransport({
      url: webhook.url,
      timeoutMs: webhooks.timeoutMs,
      eventType: adapter.eventType,
      secrets: () => {
        const own = openOrganisationWebhookSecret(webhooks.sealingSecret, organisation.id, webhook.sealed);
        // Sealed under another SESSION_SECRET: the attempt waits (and retries) until an admin sets the secret again.
        if (own === undefined) throw new Error('The organisation’s webhook secret cannot be opened');
        return webhooks.signingSecrets(organisation, own);
      },
    }),
  );
}

/**
 * The one rule for which way an organisation is told, shared by its deliveries and by the events
 * about them (withdrawn, corrected, a missed target), so an event goes to the same URL, signed by
 * the same secrets, as its notification: the primary channel an admin chose (its own webhook, its
 * own scheduled file, or its inbox for the pull API or portal); without a choice, its own webhook
 * if it has one, the kind's configured channel for its fallback, else its inbox. Never another
 * organisation's channel, and never the kind's for an organisation that is not the fallback.
 */
export function organisationAdapter(
  adapters: AdapterRegistry,
  facts: OrganisationChannelFacts,
  webhooks: OrganisationWebhooks,
): AgencyAdapter {
  const adapter = adapters[facts.agency];
  const { webhook_url: url, webhook_secret_sealed: sealed } = facts;
  const chosen = facts.primary_channel ?? (url !== null ? 'webhook' : null);
  if (chosen === 'webhook' && url !== null && sealed !== null)
    return ownWebhook(adapter, { id: facts.organisation_id, kind: facts.agency }, { url, sealed }, webhooks);
  if (chosen === 'file') return by(adapter, createFileTransport());
  if (chosen !== null || !facts.fallback) return by(adapter, createInboxTransport());
  return adapter;
}

/** The worker's signing of organisations' own webhooks: their seals opened with SESSION_SECRET, their rotations from this database. */
export function organisationWebhooksFrom(
  db: Kysely<Database>,
  config: Pick<Config, 'delivery' | 'sessionSecret'>,
): OrganisationWebhooks {
  return {
    sealingSecret: config.sessionSecret,
    timeoutMs: config.delivery.timeoutMs,
    signingSecrets: organisationSigningSecrets(db, config.sessionSecret),
  };
}
