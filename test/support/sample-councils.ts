import type { Organisation } from '@tuo/shared/api/organisations';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { createOrganisation } from '../../server/src/organisations/organisation-repository.js';

/**
 * The sample directory's two councils, added to a test's database: Northbridge keeps the records
 * of local custodian code 9901 (the sample gazetteer's NB addresses), Southmere those of 9902 (SX).
 */
export async function addSampleCouncils(
  db: Kysely<Database>,
): Promise<{ northbridge: Organisation; southmere: Organisation }> {
  const system = { type: 'system' } as const;
  const northbridge = await createOrganisation(
    db,
    { kind: 'council', name: 'Northbridge Borough Council', code: 'E07000901', areas: [], custodianCode: '9901' },
    system,
  );
  const southmere = await createOrganisation(
    db,
    { kind: 'council', name: 'Southmere District Council', code: 'E07000902', areas: [], custodianCode: '9902' },
    system,
  );
  return { northbridge, southmere };
}
