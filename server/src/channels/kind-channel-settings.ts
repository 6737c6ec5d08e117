import type { AgencyKind } from '@tuo/shared';
import type { KindChannelSettings } from '@tuo/shared/pages/staff-page-model';
import type { Config } from '../config.js';
import { agencyEnvName } from './agency-env-names.js';

/**
 * A kind's configured channels (`AGENCY_<KIND>_*`) as its fallback organisation's page shows them:
 * the webhook by host alone (its path or query may carry a token; its secret is never shown), the
 * scheduled file by server, folder, format and schedule (never the private key's file), the alert
 * by mailbox and frequency.
 */
export function shownKindChannels(kind: AgencyKind, settings: Config['agencies'][AgencyKind]): KindChannelSettings {
  const { webhook, file, alert } = settings;
  return {
    envPrefix: agencyEnvName(kind, ''),
    channel: webhook ? 'webhook' : file ? 'file' : 'inbox',
    webhookHost: webhook ? new URL(webhook.url).host : null,
    file: file
      ? {
          host: file.sftp.host,
          port: file.sftp.port,
          username: file.sftp.username,
          folder: file.sftp.directory,
          format: file.format,
          schedule: file.schedule,
          hostKeySha256: file.sftp.hostKeySha256,
        }
      : null,
    alert: alert ? { email: alert.to, frequency: alert.frequency } : null,
  };
}
