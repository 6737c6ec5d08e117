import {
  agencyPayloadSchema,
  deliveryRoles,
  getJourney,
  lifeEventIds,
  toAgencyPayload,
  type AgencyKind,
} from '@tuo/shared';
import type { AgencyAdapter, AgencyAdapterSettings } from './agency-adapter.js';
import type { FileColumnLabels } from '../channels/file/agency-file.js';
import { createFileTransport } from './transports/file-transport.js';
import { createInboxTransport } from './transports/inbox-transport.js';
import { createWebhookTransport } from './transports/webhook-transport.js';

/**
 * The part every adapter shares: the payload is the agency's routed answers (from the shared
 * routing rules, so nothing else can leave), sent by webhook or held for a scheduled file when one
 * is configured, else inboxed.
 */
export function createRoutedAdapter(
  id: AgencyKind,
  settings: AgencyAdapterSettings,
  fileColumns: FileColumnLabels,
): AgencyAdapter {
  const eventType = `${id}.notification.created`;
  // Built once per life event: zod schemas are costly to build and cheap to use.
  const schemas = new Map(
    lifeEventIds.flatMap((lifeEvent) => {
      const journey = getJourney(lifeEvent);
      const roles = journey.routing[id]?.split ? deliveryRoles : [];
      return [
        [lifeEvent, agencyPayloadSchema(journey, id)] as const,
        ...roles.map((role) => [`${lifeEvent}:${role}`, agencyPayloadSchema(journey, id, role)] as const),
      ];
    }),
  );
  const webhook = settings.webhook;
  const secrets = (configured: string) =>
    settings.signingSecrets ? settings.signingSecrets(configured) : Promise.resolve([configured]);
  const transport = settings.file
    ? createFileTransport()
    : webhook
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
    fileColumns,
    toPayload: (envelope, role) => toAgencyPayload(envelope, id, role),
    payloadSchema: (lifeEvent, role) => {
      const schema = schemas.get(role ? `${lifeEvent}:${role}` : lifeEvent);
      if (!schema) throw new Error(`No payload schema for ${lifeEvent}${role ? ` (${role})` : ''}`);
      return schema;
    },
    deliver: (notification) => transport.send(notification),
    sendEvent: (event) => transport.sendEvent(event),
  };
}
