import type { Kysely } from 'kysely';
import type { Actor } from '../../audit/audit-log.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import type { DirectoryEntry } from './directory-file.js';

/** What importing one entry does (or, in a dry run, would do). */
export interface PlannedChange {
  action: 'add' | 'update' | 'disable' | 'enable' | 'unchanged';
  kind: string;
  code: string;
  name: string;
  /** For an update: the fields that change. */
  fields: string[];
}

const sameAreas = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Imports directory entries, matched to organisations by kind and official code, so running the
 * same file twice changes nothing the second time. With `dryRun`, plans and writes nothing. One
 * transaction: a file is imported whole or not at all; each change is audited.
 */
export async function importOrganisations(
  db: Kysely<Database>,
  entries: readonly DirectoryEntry[],
  options: { dryRun: boolean; actor: Actor },
): Promise<PlannedChange[]> {
  return db.transaction().execute(async (trx) => {
    // Serialised, so two imports at once do not both add the same organisation.
    await trx.selectFrom('organisations').select('id').forUpdate().where('fallback', '=', true).execute();
    const existing = await trx.selectFrom('organisations').selectAll().where('code', 'is not', null).execute();
    const byKey = new Map(existing.map((row) => [`${row.kind}:${row.code ?? ''}`, row]));
    const changes: PlannedChange[] = [];
    const seen = new Set<string>();
    for (const { organisation: o, open } of entries) {
      const key = `${o.kind}:${o.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = byKey.get(key);
      const base = { kind: o.kind, code: o.code, name: o.name };
      if (!row) {
        changes.push({ ...base, action: open ? 'add' : 'unchanged', fields: [] });
        if (!open || options.dryRun) continue;
        const added = await trx
          .insertInto('organisations')
          .values({
            kind: o.kind,
            name: o.name,
            code: o.code,
            areas: o.areas,
            postcode: o.postcode ?? null,
            custodian_code: o.custodianCode ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor: options.actor,
          action: 'organisation.created',
          detail: { organisationId: added.id, kind: o.kind, code: o.code, by: 'import' },
        });
        continue;
      }
      const fields = [
        ...(row.name !== o.name ? ['name'] : []),
        ...(!sameAreas(row.areas, o.areas) ? ['areas'] : []),
        ...(row.postcode !== (o.postcode ?? null) ? ['postcode'] : []),
        ...(row.custodian_code !== (o.custodianCode ?? null) ? ['custodian_code'] : []),
      ];
      const enabled = row.disabled_at === null;
      const action: PlannedChange['action'] =
        enabled && !open && !row.fallback
          ? 'disable'
          : !enabled && open
            ? 'enable'
            : fields.length > 0
              ? 'update'
              : 'unchanged';
      changes.push({ ...base, action, fields });
      if (action === 'unchanged' || options.dryRun) continue;
      await trx
        .updateTable('organisations')
        .set({
          name: o.name,
          areas: o.areas,
          postcode: o.postcode ?? null,
          custodian_code: o.custodianCode ?? null,
          ...(action === 'disable' ? { disabled_at: new Date() } : action === 'enable' ? { disabled_at: null } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      await recordAudit(trx, {
        actor: options.actor,
        action: action === 'update' ? 'organisation.updated' : `organisation.${action}d`,
        detail: { organisationId: row.id, kind: o.kind, code: o.code, fields, by: 'import' },
      });
    }
    return changes;
  });
}
