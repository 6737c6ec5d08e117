import type { AgencyKind, JourneyDefinition, ToldOrganisation } from '@tuo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ValidationError } from '../errors.js';

/** An organisation a submission is routed to, as its envelope names it. */
export interface RoutedOrganisation {
  id: string;
  name: string;
}

/** Organisations chosen for a submission, by kind: for the home (or the one picked), and for the home left. */
export interface OrganisationChoices {
  chosen?: Partial<Record<AgencyKind, string>>;
  /** For a kind whose rule is split (the council after a move): the organisation of the home left. */
  left?: Partial<Record<AgencyKind, string>>;
}

/**
 * The organisations each agreed kind is told through, one delivery each: the one picked from the
 * directory (which must be of that kind and enabled), else the kind's fallback. A kind whose rule
 * is split (a move) and whose home left is another organisation's is told through both, the old
 * one as `leaving` and the new as `joining`; when both homes are one organisation's, it alone is
 * told, with no role. One round trip.
 */
export async function organisationsForConsent(
  db: Kysely<Database>,
  journey: JourneyDefinition,
  consent: readonly AgencyKind[],
  { chosen = {}, left = {} }: OrganisationChoices = {},
): Promise<ToldOrganisation[]> {
  const ids = [...Object.values(chosen), ...Object.values(left)];
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
  const told: ToldOrganisation[] = [];
  const problems: { path: string; message: string }[] = [];
  const find = (kind: AgencyKind, wanted: string | undefined) =>
    rows.find((r) => r.kind === kind && (wanted === undefined ? r.fallback : r.id === wanted));
  for (const kind of consent) {
    const row = find(kind, chosen[kind]);
    if (!row) {
      if (chosen[kind] === undefined) throw new Error(`No fallback organisation of kind ${kind}`);
      problems.push({ path: `organisations.${kind}`, message: 'Select an organisation from the list' });
      continue;
    }
    const organisation = { id: row.id, name: row.name };
    const leftId = journey.routing[kind]?.split ? left[kind] : undefined;
    const leftRow = leftId === undefined ? undefined : find(kind, leftId);
    if (leftId !== undefined && !leftRow)
      problems.push({ path: `organisationsLeft.${kind}`, message: 'Select an organisation from the list' });
    if (leftRow && leftRow.id !== row.id)
      told.push(
        { agency: kind, role: 'leaving', organisation: { id: leftRow.id, name: leftRow.name } },
        { agency: kind, role: 'joining', organisation },
      );
    else told.push({ agency: kind, organisation });
  }
  if (problems.length > 0) throw new ValidationError('An organisation chosen is not in the directory.', problems);
  return told;
}
