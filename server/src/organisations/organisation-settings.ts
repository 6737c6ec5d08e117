import type { OrganisationSettings, ShownOrganisationSettings } from '@tuo/shared/api/organisation-admin';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { OrganisationTables } from '../db/organisation-tables.js';
import type { Target } from '../service-levels/targets.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The settings columns, as a row read with a left join on `organisation_settings` has them. */
export type SettingsColumns = Omit<
  OrganisationTables['organisation_settings'],
  'organisation_id' | 'updated_at' | 'webhook_secret_sealed' | 'file_private_key_sealed'
>;

const settingsColumns = [
  'acknowledge_days',
  'action_days',
  'verification_minimum',
  'webhook_url',
  'primary_channel',
  'file_sftp_url',
  'file_host_key',
  'file_format',
  'file_schedule',
  'file_public_key',
  'alert_email',
  'alert_frequency',
] as const satisfies readonly (keyof SettingsColumns)[];

/** An organisation's own targets, if an admin set them (both days are set, or neither). */
export function ownTarget(row: Pick<SettingsColumns, 'acknowledge_days' | 'action_days'>): Target | undefined {
  return row.acknowledge_days === null || row.action_days === null
    ? undefined
    : { acknowledgeDays: row.acknowledge_days, actionDays: row.action_days };
}

/** The settings of a row, as the API shows them (absent: the kind's configured default); never a secret. */
export function toSettings(row: SettingsColumns | undefined): ShownOrganisationSettings {
  const targets = row ? ownTarget(row) : undefined;
  const file =
    row?.file_sftp_url && row.file_host_key && row.file_format && row.file_schedule && row.file_public_key
      ? {
          url: row.file_sftp_url,
          hostKey: row.file_host_key,
          format: row.file_format,
          schedule: row.file_schedule,
          publicKey: row.file_public_key,
        }
      : undefined;
  return {
    ...(targets ? { targets } : {}),
    ...(row?.verification_minimum ? { verificationMinimum: row.verification_minimum } : {}),
    ...(row?.primary_channel ? { primaryChannel: row.primary_channel } : {}),
    ...(row?.webhook_url ? { webhook: { url: row.webhook_url } } : {}),
    ...(file ? { file } : {}),
    ...(row?.alert_email && row.alert_frequency
      ? { alert: { email: row.alert_email, frequency: row.alert_frequency } }
      : {}),
  };
}

/** The settings of some organisations, by id (an organisation without a row has none of its own). */
export async function readSettings(db: Db, ids: readonly string[]): Promise<Map<string, ShownOrganisationSettings>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation_settings')
    .select(['organisation_id', ...settingsColumns])
    .where('organisation_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.organisation_id, toSettings(row)]));
}

/** The key pair a scheduled file signs in with: the private key sealed (organisation-file-key.ts), the public shown. */
export interface SealedFileKey {
  privateKeySealed: string;
  publicKey: string;
}

/**
 * Replaces an organisation's settings with these (an absent one goes back to the default);
 * `webhookSecretSealed` is the sealed secret of `settings.webhook` (null without a webhook), and
 * `fileKey` the key pair of `settings.file` (null without a file).
 */
export async function writeSettings(
  db: Db,
  organisationId: string,
  settings: OrganisationSettings,
  webhookSecretSealed: string | null,
  fileKey: SealedFileKey | null = null,
): Promise<void> {
  const file = settings.file && fileKey ? { ...settings.file, ...fileKey } : undefined;
  const columns = {
    acknowledge_days: settings.targets?.acknowledgeDays ?? null,
    action_days: settings.targets?.actionDays ?? null,
    verification_minimum: settings.verificationMinimum ?? null,
    primary_channel: settings.primaryChannel ?? null,
    webhook_url: settings.webhook ? settings.webhook.url : null,
    webhook_secret_sealed: settings.webhook ? webhookSecretSealed : null,
    file_sftp_url: file?.url ?? null,
    file_host_key: file?.hostKey ?? null,
    file_format: file?.format ?? null,
    file_schedule: file?.schedule ?? null,
    file_private_key_sealed: file?.privateKeySealed ?? null,
    file_public_key: file?.publicKey ?? null,
    alert_email: settings.alert?.email ?? null,
    alert_frequency: settings.alert?.frequency ?? null,
    updated_at: new Date(),
  };
  await db
    .insertInto('organisation_settings')
    .values({ organisation_id: organisationId, ...columns })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(columns))
    .execute();
}
