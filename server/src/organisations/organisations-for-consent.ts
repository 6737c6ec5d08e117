import type { AgencyKind } from '@tuo/shared';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ValidationError } from '../errors.js';

/** An organisation a submission is routed to, as its envelope names it, with its own minimum (if set). */
export interface RoutedOrganisation {
  id: string;
  name: string;
  /** The verification level it needs before it is told, when an admin set one (else its kind's). */
  verificationMinimum?: VerificationLevel;
}

/**
 * The organisation each agreed kind is told through: the one the request names (which must be of
 * that kind and enabled), else the one picked in the answers while it is still enabled (one
 * disabled since the resident picked it leaves its work to the fallback), else the kind's
 * fallback. One round trip.
 */
export async function organisationsForConsent(
  db: Kysely<Database>,
  consent: readonly AgencyKind[],
  chosen: Partial<Record<AgencyKind, string>> = {},
  picked: Partial<Record<AgencyKind, string>> = {},
): Promise<Partial<Record<AgencyKind, RoutedOrganisation>>> {
  const ids = [...Object.values(chosen), ...Object.values(picked)].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('organisation_settings as os', 'os.organisation_id', 'o.id')
    .select(['o.id', 'o.kind', 'o.name', 'o.fallback', 'os.verification_minimum'])
    .where('o.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('o.fallback', '=', true), eb('o.kind', 'in', consent.length > 0 ? [...consent] : [''])]),
        ...(ids.length > 0 ? [eb('o.id', 'in', ids)] : []),
      ]),
    )
    .execute();
  const routed: Partial<Record<AgencyKind, RoutedOrganisation>> = {};
  const problems: { path: string; message: string }[] = [];
  for (const kind of consent) {
    const named = chosen[kind];
    const row =
      rows.find((r) => r.kind === kind && r.id === (named ?? picked[kind])) ??
      (named === undefined ? rows.find((r) => r.kind === kind && r.fallback) : undefined);
    if (row)
      routed[kind] = {
        id: row.id,
        name: row.name,
        ...(row.verification_minimum ? { verificationMinimum: row.verification_minimum } : {}),
      };
    else if (named !== undefined)
      problems.push({ path: `organisations.${kind}`, message: 'Select an organisation from the list' });
    else throw new Error(`No fallback organisation of kind ${kind}`);
  }
  if (problems.length > 0) throw new ValidationError('An organisation chosen is not in the directory.', problems);
  return routed;
}
