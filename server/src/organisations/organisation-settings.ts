import type { OrganisationSettings } from '@tuo/shared/api/organisation-admin';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Target } from '../service-levels/targets.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The settings columns, as a row read with a left join on `organisation_settings` has them. */
export interface SettingsColumns {
  acknowledge_days: number | null;
  action_days: number | null;
  verification_minimum: OrganisationSettings['verificationMinimum'] | null;
  webhook_url: string | null;
}

/** An organisation's own targets, if an admin set them (both days are set, or neither). */
export function ownTarget(row: Pick<SettingsColumns, 'acknowledge_days' | 'action_days'>): Target | undefined {
  return row.acknowledge_days === null || row.action_days === null
    ? undefined
    : { acknowledgeDays: row.acknowledge_days, actionDays: row.action_days };
}

/** The settings of a row, as the API shows them (absent: the kind's configured default). */
export function toSettings(row: SettingsColumns | undefined): OrganisationSettings {
  const targets = row ? ownTarget(row) : undefined;
  return {
    ...(targets ? { targets } : {}),
    ...(row?.verification_minimum ? { verificationMinimum: row.verification_minimum } : {}),
    ...(row?.webhook_url ? { webhook: { url: row.webhook_url } } : {}),
  };
}

/** The settings of some organisations, by id (an organisation without a row has none of its own). */
export async function readSettings(db: Db, ids: readonly string[]): Promise<Map<string, OrganisationSettings>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation_settings')
    .select(['organisation_id', 'acknowledge_days', 'action_days', 'verification_minimum', 'webhook_url'])
    .where('organisation_id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.organisation_id, toSettings(row)]));
}

/**
 * Replaces an organisation's settings with these (an absent one goes back to the default);
 * `webhookSecretSealed` is the sealed secret of `settings.webhook` (null without a webhook).
 */
export async function writeSettings(
  db: Db,
  organisationId: string,
  settings: OrganisationSettings,
  webhookSecretSealed: string | null,
): Promise<void> {
  const columns = {
    acknowledge_days: settings.targets?.acknowledgeDays ?? null,
    action_days: settings.targets?.actionDays ?? null,
    verification_minimum: settings.verificationMinimum ?? null,
    webhook_url: settings.webhook ? settings.webhook.url : null,
    webhook_secret_sealed: settings.webhook ? webhookSecretSealed : null,
    updated_at: new Date(),
  };
  await db
    .insertInto('organisation_settings')
    .values({ organisation_id: organisationId, ...columns })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(columns))
    .execute();
}
