import type { ShownOrganisationSettings } from '@tuo/shared/api/organisation-admin';
import { parseSftpAddress } from '@tuo/shared/api/organisation-channels';
import type { FieldError } from '@tuo/shared/api/field-errors';
import type { FormValues, PostedForm } from '@tuo/shared/pages/form-values';
import { text } from '../../../console/posted-fields.js';

// The channel part of the organisation form: how it is told (its primary channel, its webhook, its
// scheduled file) and its email alert, as flat fields. The SFTP address is asked in its parts
// (server, port, user, folder), as the organisation's IT gives them, and put together here.

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The form's field for each channel setting the API names: `settings.file.hostKey` is `fileHostKey`. */
export const channelFields: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  webhook: { url: 'webhookUrl', secret: 'webhookSecret' },
  file: { url: 'sftpHost', hostKey: 'fileHostKey', format: 'fileFormat', schedule: 'fileSchedule' },
  alert: { email: 'alertEmail', frequency: 'alertFrequency' },
};

const sftpParts = ['sftpHost', 'sftpPort', 'sftpUser', 'sftpFolder', 'fileHostKey', 'fileSchedule'] as const;

/** The SFTP address of the posted parts, or the field errors of the parts missing or malformed. */
function sftpAddress(body: PostedForm): { url?: string; errors: FieldError[] } {
  const host = optional(text(body, 'sftpHost'));
  const user = optional(text(body, 'sftpUser'));
  const folder = optional(text(body, 'sftpFolder'));
  const port = optional(text(body, 'sftpPort')) ?? '22';
  const errors: FieldError[] = [];
  if (!host) errors.push({ field: 'sftpHost', message: 'Enter the SFTP server’s name or address' });
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    errors.push({ field: 'sftpPort', message: 'Enter the port as a number from 1 to 65535, like 22' });
  if (!user) errors.push({ field: 'sftpUser', message: 'Enter the user the portal signs in as' });
  if (!folder?.startsWith('/'))
    errors.push({ field: 'sftpFolder', message: 'Enter the folder files are put in, starting /, like /imports' });
  if (!host || !user || !folder || errors.length > 0) return { errors };
  const path = folder.split('/').map(encodeURIComponent).join('/');
  const url = `sftp://${encodeURIComponent(user)}@${host}:${port}${path}`;
  return parseSftpAddress(url)
    ? { url, errors }
    : {
        errors: [{ field: 'sftpHost', message: 'Enter only the server’s name or address, like files.council.example' }],
      };
}

/** The posted channel settings (a part of the API's settings), and the errors found in the flat fields. */
export function postedChannels(body: PostedForm): { settings: Record<string, unknown>; errors: FieldError[] } {
  const primaryChannel = optional(text(body, 'primaryChannel'));
  const webhookUrl = optional(text(body, 'webhookUrl'));
  const webhookSecret = optional(text(body, 'webhookSecret'));
  const alertEmail = optional(text(body, 'alertEmail'));
  const errors: FieldError[] = [];
  if (webhookSecret !== undefined && webhookUrl === undefined)
    errors.push({ field: 'webhookUrl', message: 'Enter the webhook address the signing secret is for' });
  const fileGiven = sftpParts.some((name) => optional(text(body, name)) !== undefined);
  const address = fileGiven ? sftpAddress(body) : undefined;
  errors.push(...(address?.errors ?? []));
  return {
    settings: {
      ...(primaryChannel ? { primaryChannel } : {}),
      ...(webhookUrl ? { webhook: { url: webhookUrl, ...(webhookSecret ? { secret: webhookSecret } : {}) } } : {}),
      ...(fileGiven
        ? {
            file: {
              // Parts refused above: a well-formed stand-in, so only the parts' own errors show.
              url: address?.url ?? 'sftp://unset@unset/',
              hostKey: text(body, 'fileHostKey'),
              format: text(body, 'fileFormat') || 'csv',
              schedule: text(body, 'fileSchedule'),
              ...(text(body, 'fileNewKey') === 'yes' ? { newKey: true } : {}),
            },
          }
        : {}),
      ...(alertEmail ? { alert: { email: alertEmail, frequency: text(body, 'alertFrequency') || 'immediate' } } : {}),
    },
    errors,
  };
}

/** An organisation's channel settings as the change form shows them first (never its secret). */
export function channelFormValues(settings: ShownOrganisationSettings): FormValues {
  const address = settings.file ? parseSftpAddress(settings.file.url) : undefined;
  return {
    primaryChannel: settings.primaryChannel ?? '',
    webhookUrl: settings.webhook?.url ?? '',
    sftpHost: address?.host ?? '',
    sftpPort: address ? String(address.port) : '',
    sftpUser: address?.username ?? '',
    sftpFolder: address?.directory ?? '',
    fileHostKey: settings.file?.hostKey ?? '',
    fileFormat: settings.file?.format ?? 'csv',
    fileSchedule: settings.file?.schedule ?? '',
    alertEmail: settings.alert?.email ?? '',
    alertFrequency: settings.alert?.frequency ?? 'immediate',
  };
}
