import type { AgencyKind } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ValidationError } from '../errors.js';

/** An organisation a submission is routed to, as its envelope names it. */
export interface RoutedOrganisation {
  id: string;
  name: string;
}

/**
 * The organisation each agreed kind is told through: the one picked from the directory (which
 * must be of that kind and enabled), else the kind's fallback. One round trip.
 */
export async function organisationsForConsent(
  db: Kysely<Database>,
  consent: readonly AgencyKind[],
  chosen: Partial<Record<AgencyKind, string>> = {},
): Promise<Partial<Record<AgencyKind, RoutedOrganisation>>> {
  const ids = Object.values(chosen);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'name', 'fallback'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('fallback', '=', true), eb('kind', 'in', consent.length > 0 ? [...consent] : [''])]),
        ...(ids.length > 0 ? [eb('id', 'in', ids)] : []),
      ]),
    )
    .execute();
  const routed: Partial<Record<AgencyKind, RoutedOrganisation>> = {};
  const problems: { path: string; message: string }[] = [];
  for (const kind of consent) {
    const wanted = chosen[kind];
    const row = rows.find((r) => r.kind === kind && (wanted === undefined ? r.fallback : r.id === wanted));
    if (row) routed[kind] = { id: row.id, name: row.name };
    else if (wanted !== undefined)
      problems.push({ path: `organisations.${kind}`, message: 'Select an organisation from the list' });
    else throw new Error(`No fallback organisation of kind ${kind}`);
  }
  if (problems.length > 0) throw new ValidationError('An organisation chosen is not in the directory.', problems);
  return routed;
}
