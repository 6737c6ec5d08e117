import type { AgencyKind } from '@tuo/shared';
import type { Organisation, OrganisationInput } from '@tuo/shared/api/organisations';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import type { Database, OrganisationsTable } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.code ? { code: row.code } : {}),
    areas: row.areas,
    ...(row.postcode ? { postcode: row.postcode } : {}),
    ...(row.custodian_code ? { custodianCode: row.custodian_code } : {}),
    fallback: row.fallback,
    enabled: row.disabled_at === null,
  };
}

const columnsOf = (input: OrganisationInput) => ({
  kind: input.kind,
  name: input.name,
  code: input.code ?? null,
  areas: input.areas,
  postcode: input.postcode ?? null,
  custodian_code: input.custodianCode ?? null,
});

/** The directory, by kind then name; disabled organisations too, for admins. */
export async function listOrganisations(db: Db, filter: { kind?: AgencyKind } = {}): Promise<Organisation[]> {
  let query = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('fallback', 'desc').orderBy('name');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return (await query.execute()).map(toOrganisation);
}

/** One organisation by id (undefined for a malformed or unknown id). */
export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

/** Thrown when an organisation of the same kind already has the code. */
export class OrganisationCodeTakenError extends Error {
  override name = 'OrganisationCodeTakenError';
}

const isCodeTaken = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  ['organisations_kind_code_key', 'organisations_custodian_key'].includes(
    (error as { constraint?: string }).constraint ?? '',
  );

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCodeTaken(error)) throw new OrganisationCodeTakenError('Another organisation of this kind has this code');
    throw error;
  }
}

/** Adds an organisation to the directory, audited. */
export async function createOrganisation(db: Db, input: OrganisationInput, actor: Actor): Promise<Organisation> {
  return guarded(async () => {
    const row = await db.insertInto('organisations').values(columnsOf(input)).returningAll().executeTakeFirstOrThrow();
    await recordAudit(db, {
      actor,
      action: 'organisation.created',
      detail: { organisationId: row.id, kind: row.kind, code: row.code },
    });
    return toOrganisation(row);
  });
}

/** Changes an organisation (its kind stays: its notifications, keys and accounts are of that kind), audited. */
export async function updateOrganisation(
  db: Db,
  id: string,
  input: Omit<OrganisationInput, 'kind'>,
  actor: Actor,
): Promise<Organisation | undefined> {
  return guarded(async () => {
    const { kind: _kind, ...columns } = columnsOf({ ...input, kind: 'council' });
    const row = await db
      .updateTable('organisations')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(db, {
      actor,
      action: 'organisation.updated',
      detail: { organisationId: row.id, kind: row.kind, code: row.code },
    });
    return toOrganisation(row);
  });
}

/**
 * Disables (or enables again) an organisation, audited. A disabled organisation is offered to no
 * one and routed nothing; its keys and accounts stop working. A kind's fallback is never disabled,
 * since everything not routed elsewhere goes to it.
 */
export async function setOrganisationEnabled(
  db: Db,
  id: string,
  enabled: boolean,
  actor: Actor,
): Promise<Organisation | undefined> {
  const row = await db
    .updateTable('organisations')
    .set({ disabled_at: enabled ? null : new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .where('fallback', '=', false)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await recordAudit(db, {
    actor,
    action: enabled ? 'organisation.enabled' : 'organisation.disabled',
    detail: { organisationId: row.id, kind: row.kind },
  });
  return toOrganisation(row);
}
