import type { NeedsCheckingItem } from '@tuo/shared/api/needs-checking';
import { verificationCheckSchema, verificationLevel } from '@tuo/shared/verification/verification';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { minimumFor, type VerificationMinimums } from '../verification/verification-minimums.js';

const checksSchema = z.array(verificationCheckSchema);

/**
 * Notifications held for a staff check (below their organisation's minimum), oldest first, each
 * with the level its report reaches and the minimum it must meet. `deliveryId` narrows it to one;
 * `submissionId` to one report's.
 */
export async function listNeedsChecking(
  db: Kysely<Database>,
  minimums: VerificationMinimums,
  only: { deliveryId?: string; submissionId?: string } = {},
): Promise<(NeedsCheckingItem & { submissionId: string })[]> {
  let query = db
    .selectFrom('deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .leftJoin('organisation_settings as os', 'os.organisation_id', 'd.organisation_id')
    .select([
      'd.id',
      'd.agency',
      'd.created_at',
      's.id as submission_id',
      's.reference',
      's.life_event',
      's.channel',
      's.verification_checks',
      'o.name as organisation_name',
      'os.verification_minimum',
    ])
    .where('d.status', '=', 'held')
    .where('d.held_for', '=', 'check')
    .where('s.answers_erased_at', 'is', null)
    .orderBy('d.created_at')
    .orderBy('d.agency')
    .orderBy('d.id');
  if (only.deliveryId) query = query.where('d.id', '=', only.deliveryId);
  if (only.submissionId) query = query.where('s.id', '=', only.submissionId);
  const rows = await query.execute();
  return rows.map((row) => {
    const checks = checksSchema.parse(row.verification_checks);
    const lifeEvent = row.life_event;
    const agency = row.agency;
    return {
      id: row.id,
      submissionId: row.submission_id,
      reference: row.reference,
      lifeEvent,
      agency,
      organisationName: row.organisation_name,
      channel: row.channel,
      heldSince: row.created_at.toISOString(),
      level: verificationLevel(checks) ?? null,
      minimum: minimumFor(minimums, agency, lifeEvent, row.verification_minimum ?? undefined),
      checks: checks.map((check) => check.kind),
    };
  });
}
