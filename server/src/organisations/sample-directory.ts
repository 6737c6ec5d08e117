import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { readDirectoryFile } from './import/directory-file.js';
import { importOrganisations } from './import/import-organisations.js';

/**
 * A small fictional directory for the embedded trial install, in the import's own CSV format: two
 * councils (Northbridge, whose sample addresses are in NB postcodes, and Southmere, in SX), GP
 * practices in each, two housing associations and the council's own landlord service, and one
 * Jobcentre. Codes are well formed but belong to no real organisation.
 */
export const sampleDirectoryCsv = `kind,name,code,areas,postcode,custodian_code
council,Northbridge Borough Council,E07000901,E07000901,NB1 1AA,9901
council,Southmere District Council,E07000902,E07000902,SX4 1AA,9902
gp-practice,Riverside Surgery,Y90001,NB1 NB2,NB1 4AB,
gp-practice,Northbridge Health Centre,Y90002,NB1 NB2,NB2 7QU,
gp-practice,Hilltop Medical Practice,Y90003,NB2,NB2 8AA,
gp-practice,Southmere Family Practice,Y90004,SX4,SX4 2BY,
gp-practice,Harbour Lane Surgery,Y90005,SX4,SX4 3DE,
housing-provider,Northbridge Borough Council Housing,E07000901,E07000901,NB1 1AA,
housing-provider,Greenway Homes,L9001,E07000901 E07000902,NB1 5EF,
housing-provider,Meridian Housing Association,L9002,E07000902,SX4 5GH,
jobcentre,Northbridge Jobcentre Plus,JCP9001,E07000901 E07000902,NB1 6JL,
`;

/**
 * Loads the sample directory into an embedded install whose directory is still empty (only the
 * four fallbacks), so a trial shows organisations at once; an install with its own directory, or
 * on DATABASE_URL, is never touched. Returns how many organisations were added.
 */
export async function seedSampleDirectory(db: Kysely<Database>): Promise<number> {
  const listed = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('fallback', '=', false)
    .executeTakeFirstOrThrow();
  if (Number(listed.n) > 0) return 0;
  const file = readDirectoryFile(sampleDirectoryCsv);
  if (file.problems.length > 0)
    throw new Error(`The sample directory does not read: ${file.problems[0]?.message ?? ''}`);
  const changes = await importOrganisations(db, file.entries, { dryRun: false, actor: { type: 'system' } });
  return changes.filter((change) => change.action === 'add').length;
}
