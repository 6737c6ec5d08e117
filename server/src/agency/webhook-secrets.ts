import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AgencyKind } from '@tuo/shared';
import type { RotatedWebhookSecret } from '@tuo/shared/api/agency-portal';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { gatheredReadsOf } from '../db/gathered-reads.js';
import type { OrganisationScope } from '../organisations/organisation-scope.js';

// Rotated webhook secrets are stored sealed with AES-256-GCM under a key derived from the session
// secret and the agency, so a copy of the database alone signs nothing, and a secret sealed for
// one agency cannot be passed off as another's. They are shown once, when made, and never logged.

// The key's context names the kind by its id, or by the id it had when the first secrets were
// sealed (`nhs` and `housing` before the rename to kind ids), so secrets rotated before the rename
// still open. A kind added since needs no entry.
const sealedUnderOldId: Readonly<Partial<Record<AgencyKind, string>>> = {
  'gp-practice': 'nhs',
  'housing-provider': 'housing',
};

function sealingKey(sealingSecret: string, agency: AgencyKind): Buffer {
  const context = `agency:${sealedUnderOldId[agency] ?? agency}`;
  return Buffer.from(hkdfSync('sha256', sealingSecret, context, 'tell-us-once agency webhook secret', 32));
}

/** Seals a webhook secret for storage. */
export function sealWebhookSecret(sealingSecret: string, agency: AgencyKind, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(sealingSecret, agency), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
    '.',
  );
}

/** Opens a sealed webhook secret; undefined if it was sealed under another key or altered. */
export function openWebhookSecret(sealingSecret: string, agency: AgencyKind, sealed: string): string | undefined {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(sealingSecret, agency), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Whose signing secrets to read: an organisation's own, or (without one) the kind's fallback's. */
interface SecretsLookup {
  agency: AgencyKind;
  organisationId?: string | undefined;
}

/**
 * The sealed secrets still signing for each lookup, newest first, in one statement for many. The
 * configured webhook is the kind's fallback organisation's, and so are the secrets that sign it; an
 * organisation with a webhook of its own (organisation_settings) has its own rotations.
 */
async function readSealedSecrets(db: Kysely<Database>, lookups: readonly SecretsLookup[]): Promise<string[][]> {
  const ids = [...new Set(lookups.flatMap((lookup) => (lookup.organisationId ? [lookup.organisationId] : [])))];
  const kinds = [...new Set(lookups.flatMap((lookup) => (lookup.organisationId ? [] : [lookup.agency])))];
  const { rows } = await sql<{ sealed_secret: string; organisation_id: string; kind: string; fallback: boolean }>`
    select s.sealed_secret, s.organisation_id, o.kind, o.fallback
    from agency_webhook_secrets s join organisations o on o.id = s.organisation_id
    where (s.organisation_id = any(${ids}::uuid[]) or (o.fallback and o.kind = any(${kinds}::text[])))
      and (s.retires_at is null or s.retires_at > now())
    order by s.retires_at desc nulls first
  `.execute(db);
  return lookups.map((lookup) =>
    rows
      .filter((row) =>
        lookup.organisationId
          ? row.organisation_id === lookup.organisationId
          : row.fallback && row.kind === lookup.agency,
      )
      .map((row) => row.sealed_secret),
  );
}

/** One gathered reader per database handle: the attempts a claim sends at once read their secrets together. */
const secretsReader = gatheredReadsOf(readSealedSecrets);

/**
 * The secrets that sign an agency's webhooks now, newest first: the current one and any replaced
 * one still in its grace period. Before the first rotation that is the configured secret alone.
 * Read afresh for every webhook (a rotation signs the next one), shared with the lookups made at
 * the same moment (gathered-reads.ts).
 */
export async function signingSecrets(
  db: Kysely<Database>,
  sealingSecret: string,
  agency: AgencyKind,
  configured: string,
  organisationId?: string,
): Promise<string[]> {
  const sealed = await secretsReader(db)({ agency, organisationId });
  if (sealed.length === 0) return [configured];
  // A secret sealed under an older session secret cannot be read: it is skipped rather than sent garbled.
  const secrets = sealed
    .map((one) => openWebhookSecret(sealingSecret, agency, one))
    .filter((secret) => secret !== undefined);
  // Rotated, but none readable (SESSION_SECRET changed): never fall back to the secret the agency
  // rotated away from, which may have leaked. Deliveries wait (and retry) until an admin rotates again.
  if (secrets.length === 0)
    throw new Error(
      `the ${agency} webhook secrets cannot be opened with this SESSION_SECRET; rotate the secret in the agency portal`,
    );
  return secrets;
}

/**
 * Makes a new current secret. The one it replaces (the configured secret, on the first rotation)
 * keeps signing alongside it for `graceMs`, so the agency can switch its receiver over without
 * refusing a webhook. Serialised per agency, so two admins rotating at once leave one current secret.
 */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  sealingSecret: string,
  organisation: OrganisationScope,
  configured: string,
  graceMs: number,
): Promise<RotatedWebhookSecret> {
  const agency = organisation.kind;
  const secret = generateWebhookSecret();
  const retiresAt = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`agency-webhook-secret:${organisation.id}`}))`.execute(trx);
    const { rows } = await sql<{
      retires_at: Date;
    }>`select now() + make_interval(secs => ${graceMs / 1000}) as retires_at`.execute(trx);
    const retires = rows[0]?.retires_at ?? new Date(Date.now() + graceMs);
    const replaced = await trx
      .updateTable('agency_webhook_secrets')
      .set({ retires_at: retires })
      .where('organisation_id', '=', organisation.id)
      .where('retires_at', 'is', null)
      .executeTakeFirst();
    if (replaced.numUpdatedRows === 0n) {
      await trx
        .insertInto('agency_webhook_secrets')
        .values({
          agency,
          organisation_id: organisation.id,
          sealed_secret: sealWebhookSecret(sealingSecret, agency, configured),
          retires_at: retires,
        })
        .execute();
    }
    await trx
      .insertInto('agency_webhook_secrets')
      .values({
        agency,
        organisation_id: organisation.id,
        sealed_secret: sealWebhookSecret(sealingSecret, agency, secret),
        retires_at: null,
      })
      .execute();
    return retires;
  });
  return { secret, previousRetiresAt: retiresAt.toISOString() };
}

/** When the current secret was made (null: the configured one is current) and when each still-signing older one stops. */
export async function webhookSecretState(
  db: Kysely<Database>,
  organisation: OrganisationScope,
): Promise<{ rotatedAt: string | null; retiring: string[] }> {
  const rows = await db
    .selectFrom('agency_webhook_secrets')
    .select(['created_at', 'retires_at'])
    .where('organisation_id', '=', organisation.id)
    .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', sql<Date>`now()`)]))
    .orderBy(sql`retires_at desc nulls first`)
    .execute();
  return {
    rotatedAt: rows.find((row) => row.retires_at === null)?.created_at.toISOString() ?? null,
    retiring: rows.flatMap((row) => (row.retires_at ? [row.retires_at.toISOString()] : [])),
  };
}

/** The signing secrets of an organisation's own webhook, given its own secret: its rotations, else that secret. */
export function organisationSigningSecrets(
  db: Kysely<Database>,
  sealingSecret: string,
): (organisation: OrganisationScope, own: string) => Promise<string[]> {
  return (organisation, own) => signingSecrets(db, sealingSecret, organisation.kind, own, organisation.id);
}

/** The worker's source of signing secrets for the adapters: this database, opened with `sealingSecret`. */
export function databaseSigningSecrets(
  db: Kysely<Database>,
  sealingSecret: string,
): (agency: AgencyKind, configured: string) => Promise<string[]> {
  return (agency, configured) => signingSecrets(db, sealingSecret, agency, configured);
}
