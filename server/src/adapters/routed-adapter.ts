import { toAgencyPayload, type AgencyId } from '@tuo/shared';
import type { AgencyAdapter, AgencyAdapterSettings } from './agency-adapter.js';
import { createInboxTransport } from './transports/inbox-transport.js';
import { createWebhookTransport } from './transports/webhook-transport.js';

/**
 * The part every adapter shares: the payload is the agency's routed answers (from the shared
 * routing rules, so nothing else can leave), sent by webhook when one is configured, else inboxed.
 */
export function createRoutedAdapter(id: AgencyId, settings: AgencyAdapterSettings): AgencyAdapter {
  const eventType = `${id}.notification.created`;
  const transport = settings.webhook
    ? createWebhookTransport({ ...settings.webhook, timeoutMs: settings.timeoutMs, eventType })
    : createInboxTransport();
  return {
    id,
    eventType,
    transport: transport.kind,
    toPayload: (envelope) => toAgencyPayload(envelope, id),
    deliver: (notification) => transport.send(notification),
  };
}
