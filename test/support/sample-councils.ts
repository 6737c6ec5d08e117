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

/**
 * Sample gazetteer addresses: one the look-up places in Northbridge (9901), one in Southmere (9902),
 * and one typed by hand it cannot place.
 */
export const sampleAddresses = {
  mill: { line1: '24 Mill Lane', town: 'Northbridge', postcode: 'NB2 7QT', uprn: '9000000205' },
  station: { line1: '2 Station Road', line2: 'Easton', town: 'Southmere', postcode: 'SX4 2BX', uprn: '9000000301' },
  typed: { line1: '7 Harbour Row', town: 'Southmere', postcode: 'SX4 9ZZ' },
};
