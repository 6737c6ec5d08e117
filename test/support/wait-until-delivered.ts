import type { AgencyKind } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { waitFor } from './wait-for.js';

/** One agency's delivery of a report, once it is in the agency's hands. */
export interface DeliveredRow {
  id: string;
  agency: string;
  status: string;
  organisation_id: string;
}

/** Waits (with a worker running) until every agency told of the report holds it; each one's delivery by kind. */
export async function waitUntilDelivered(
  db: Kysely<Database>,
  reference: string,
): Promise<Partial<Record<AgencyKind, DeliveredRow>>> {
  const rows = await waitFor(async () => {
    const found = await db
      .selectFrom('deliveries')
      .innerJoin('submissions', 'submissions.id', 'deliveries.submission_id')
      .select(['deliveries.id', 'deliveries.agency', 'deliveries.status', 'deliveries.organisation_id'])
      .where('submissions.reference', '=', reference)
      .execute();
    return found.length > 0 && found.every((row) => row.status === 'delivered') ? found : undefined;
  });
  return Object.fromEntries(rows.map((row) => [row.agency, row]));
}
