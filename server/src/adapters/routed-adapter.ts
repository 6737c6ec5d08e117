import { agencyPayloadSchema, getJourney, lifeEventIds, toAgencyPayload, type AgencyKind } from '@tuo/shared';
import type { AgencyAdapter, AgencyAdapterSettings } from './agency-adapter.js';
import { createInboxTransport } from './transports/inbox-transport.js';
import { createWebhookTransport } from './transports/webhook-transport.js';

/**
 * The part every adapter shares: the payload is the agency's routed answers (from the shared
 * routing rules, so nothing else can leave), sent by webhook when one is configured, else inboxed.
 */
export function createRoutedAdapter(id: AgencyKind, settings: AgencyAdapterSettings): AgencyAdapter {
  const eventType = `${id}.notification.created`;
  // Built once per life event: zod schemas are costly to build and cheap to use.
  const schemas = new Map(lifeEventIds.map((lifeEvent) => [lifeEvent, agencyPayloadSchema(getJourney(lifeEvent), id)]));
  const webhook = settings.webhook;
  const secrets = (configured: string) =>
    settings.signingSecrets ? settings.signingSecrets(configured) : Promise.resolve([configured]);
  const transport = webhook
    ? createWebhookTransport({
        url: webhook.url,
        secrets: () => secrets(webhook.secret),
        timeoutMs: settings.timeoutMs,
        eventType,
      })
    : createInboxTransport();
  return {
    id,
    eventType,
    transport: transport.kind,
    toPayload: (envelope) => toAgencyPayload(envelope, id),
    payloadSchema: (lifeEvent) => {
      const schema = schemas.get(lifeEvent);
      if (!schema) throw new Error(`No payload schema for ${lifeEvent}`);
      return schema;
    },
    deliver: (notification) => transport.send(notification),
    sendEvent: (event) => transport.sendEvent(event),
  };
}
