import type { AgencyKind } from '@tuo/shared';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import type { Kysely } from 'kysely';
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
  verification_minimum: VerificationLevel | null;
}

/** The enabled organisations many lookups ask for, in one statement; each lookup gets only its own. */
async function readDirectory(db: Kysely<Database>, lookups: readonly DirectoryLookup[]): Promise<DirectoryRow[][]> {
  const kinds = [...new Set(lookups.flatMap((lookup) => lookup.kinds))];
  const ids = [...new Set(lookups.flatMap((lookup) => lookup.ids))];
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('organisation_settings as os', 'os.organisation_id', 'o.id')
    .select(['o.id', 'o.kind', 'o.name', 'o.fallback', 'os.verification_minimum'])
    .where('o.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(kinds.length > 0 ? [eb.and([eb('o.fallback', '=', true), eb('o.kind', 'in', kinds)])] : []),
        ...(ids.length > 0 ? [eb('o.id', 'in', ids)] : []),
      ]),
    )
    .execute();
  return lookups.map((lookup) =>
    rows.filter((row) => (row.fallback && lookup.kinds.includes(row.kind)) || lookup.ids.includes(row.id)),
  );
}

/**
 * One gathered reader of the directory per database handle, so every caller's lookups share reads:
 * the organisations a submission tells and those its answer names (unplaced-addresses.ts).
 */
export const directoryReader = gatheredReadsOf(readDirectory);
