import type { AgencyKind } from '@tuo/shared';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { gatheredReadsOf } from '../db/gathered-reads.js';

/** What one request asks of the directory: its kinds' fallbacks and the organisations it names. */
export interface DirectoryLookup {
  kinds: readonly AgencyKind[];
  ids: readonly string[];
}

/** One organisation as the directory is read for consent. */
export interface DirectoryRow {
  id: string;
  kind: AgencyKind;
  name: string;
  fallback: boolean;
  /** A council's GSS code (what a Jobcentre Plus office lists in its areas). */
  code: string | null;
  /** The areas it serves: GSS codes of councils, or postcode districts. */
  areas: string[];
  verification_minimum: VerificationLevel | null;
}

/** Kinds whose organisation follows from the council's area when none is picked: the Jobcentre Plus office serving it. */
export const servingCouncilArea: readonly AgencyKind[] = ['jobcentre'];

/**
 * The enabled organisations many lookups ask for, in one statement; each lookup gets only its own:
 * its kinds' fallbacks, the organisations it names, and for a kind that serves a council's area
 * ({@link servingCouncilArea}) those serving the area of a council it names.
 */
async function readDirectory(db: Kysely<Database>, lookups: readonly DirectoryLookup[]): Promise<DirectoryRow[][]> {
  const kinds = [...new Set(lookups.flatMap((lookup) => lookup.kinds))];
  const ids = [...new Set(lookups.flatMap((lookup) => lookup.ids))];
  const byArea = kinds.filter((kind) => servingCouncilArea.includes(kind));
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('organisation_settings as os', 'os.organisation_id', 'o.id')
    .select(['o.id', 'o.kind', 'o.name', 'o.fallback', 'o.code', 'o.areas', 'os.verification_minimum'])
    .where('o.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(kinds.length > 0 ? [eb.and([eb('o.fallback', '=', true), eb('o.kind', 'in', kinds)])] : []),
        ...(ids.length > 0 ? [eb('o.id', 'in', ids)] : []),
        ...(ids.length > 0 && byArea.length > 0
          ? [
              eb.and([
                eb('o.kind', 'in', byArea),
                eb('o.fallback', '=', false),
                sql<boolean>`o.areas && array(select c.code from organisations c where c.id = any(${ids}::uuid[]) and c.kind = 'council' and c.code is not null)`,
              ]),
            ]
          : []),
      ]),
    )
    .execute();
  const councilCodes = new Map(rows.filter((row) => row.kind === 'council').map((row) => [row.id, row.code]));
  return lookups.map((lookup) => {
    const codes = lookup.ids.flatMap((id) => councilCodes.get(id) ?? []);
    return rows.filter(
      (row) =>
        (row.fallback && lookup.kinds.includes(row.kind)) ||
        lookup.ids.includes(row.id) ||
        (!row.fallback &&
          servingCouncilArea.includes(row.kind) &&
          lookup.kinds.includes(row.kind) &&
          row.areas.some((area) => codes.includes(area))),
    );
  });
}

/**
 * One gathered reader of the directory per database handle, so every caller's lookups share reads:
 * the organisations a submission tells and those its answer names (unplaced-addresses.ts).
 */
export const directoryReader = gatheredReadsOf(readDirectory);
