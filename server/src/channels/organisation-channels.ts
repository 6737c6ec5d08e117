import { readFile } from 'node:fs/promises';
import { chosenChannel, parseSftpAddress } from '@tuo/shared/api/organisation-channels';
import type { AgencyKind } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { openOrganisationFileKey } from '../organisations/organisation-file-key.js';
import type { EmailAlertSettings } from './email-alert-settings.js';
import type { SftpTarget } from './file/sftp-upload.js';

/** An organisation whose channels a task serves. */
export interface ChannelOrganisation {
  id: string;
  kind: AgencyKind;
  fallback: boolean;
}

/** An organisation's scheduled file, wherever it is set (its own settings, or the environment for a fallback). */
export interface ResolvedFileChannel {
  sftp: SftpTarget;
  format: 'csv' | 'xml';
  schedule: string;
}

/** The organisation told (by id), or its kind's fallback; undefined when there is no such organisation. */
export async function channelOrganisation(
  db: Kysely<Database>,
  which: { organisationId: string } | { agency: AgencyKind },
): Promise<ChannelOrganisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'fallback'])
    .where((eb) =>
      'organisationId' in which
        ? eb('id', '=', which.organisationId)
        : eb.and([eb('kind', '=', which.agency), eb('fallback', '=', true)]),
    )
    .executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, fallback: row.fallback } : undefined;
}

const ownSettings = (db: Kysely<Database>, organisationId: string) =>
  db
    .selectFrom('organisation_settings')
    .select([
      'primary_channel',
      'webhook_url',
      'file_sftp_url',
      'file_host_key',
      'file_format',
      'file_schedule',
      'file_private_key_sealed',
      'alert_email',
      'alert_frequency',
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();

/**
 * The organisation's scheduled file, if it is told by one: its own (the key opened from its seal)
 * when an admin chose its channel, else, for its kind's fallback, the `AGENCY_<KIND>_FILE_*`
 * environment. A key sealed under another SESSION_SECRET fails the upload (and is retried) until
 * an admin makes a new one.
 */
export async function fileChannelOfOrganisation(
  db: Kysely<Database>,
  config: Pick<Config, 'agencies' | 'sessionSecret'>,
  organisation: ChannelOrganisation,
): Promise<ResolvedFileChannel | undefined> {
  const own = await ownSettings(db, organisation.id);
  const chosen = own
    ? chosenChannel({
        primaryChannel: own.primary_channel ?? undefined,
        webhook: own.webhook_url,
        file: own.file_sftp_url,
      })
    : undefined;
  if (chosen === undefined) {
    const configured = organisation.fallback ? config.agencies[organisation.kind].file : undefined;
    if (!configured) return undefined;
    const { privateKeyFile, ...sftp } = configured.sftp;
    return { ...configured, sftp: { ...sftp, privateKey: () => readFile(privateKeyFile) } };
  }
  const address = own?.file_sftp_url ? parseSftpAddress(own.file_sftp_url) : undefined;
  if (chosen !== 'file' || !own || !address || !own.file_host_key || !own.file_private_key_sealed) return undefined;
  const sealed = own.file_private_key_sealed;
  return {
    format: own.file_format ?? 'csv',
    schedule: own.file_schedule ?? '0 18 * * *',
    sftp: {
      ...address,
      hostKeySha256: own.file_host_key,
      privateKey: () => {
        const key = openOrganisationFileKey(config.sessionSecret, organisation.id, sealed);
        if (key === undefined) throw new Error('the organisation’s SFTP key cannot be opened; make a new one');
        return Promise.resolve(key);
      },
    },
  };
}

/** The organisation's email alert: its own team mailbox, else, for its kind's fallback, the environment's. */
export async function alertOfOrganisation(
  db: Kysely<Database>,
  config: Pick<Config, 'agencies'>,
  organisation: ChannelOrganisation,
): Promise<EmailAlertSettings | undefined> {
  const own = await ownSettings(db, organisation.id);
  if (own?.alert_email && own.alert_frequency) return { to: own.alert_email, frequency: own.alert_frequency };
  return organisation.fallback ? config.agencies[organisation.kind].alert : undefined;
}
