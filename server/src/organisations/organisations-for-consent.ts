import type { AgencyKind, JourneyDefinition, ToldOrganisation } from '@tuo/shared';
import type { VerificationLevel } from '@tuo/shared/verification/verification';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { directoryReader, servingCouncilArea } from './directory-reads.js';

/** An organisation a submission is routed to, as its envelope names it. */
export interface RoutedOrganisation {
  id: string;
  name: string;
}

/** One organisation told, with its own verification minimum when an admin set one (else its kind's). */
export interface TellingOrganisation extends ToldOrganisation {
  readonly verificationMinimum?: VerificationLevel;
  /** The kind's fallback: residents' pages name it by what it does, in their language, not by its directory name. */
  readonly fallback: boolean;
}

/** Organisations chosen for a submission, by kind: for the home (or the one picked), and for the home left. */
export interface OrganisationChoices {
  /** Named by the request: must be of that kind and enabled. */
  chosen?: Partial<Record<AgencyKind, string>>;
  /** Picked in the answers: one disabled since the resident picked it leaves its work to the fallback. */
  picked?: Partial<Record<AgencyKind, string>>;
  /** For a kind whose rule is split (the council after a move): the organisation of the home left. */
  left?: Partial<Record<AgencyKind, string>>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisations each agreed kind is told through, one delivery each: the one the request names
 * (which must be of that kind and enabled), else the one picked in the answers while it is still
 * enabled, else the kind's fallback. A kind whose rule is split (a move) and whose home left is
 * another organisation's is told through both, the old one as `leaving` and the new as `joining`;
 * when both homes are one organisation's, it alone is told, with no role. A kind that serves a
 * council's area (Jobcentre Plus) with none named or picked is told through the one office the
 * directory lists for the home's council, if exactly one; else its fallback. One round trip, shared
 * with the other requests asking at the same moment (gathered-reads.ts).
 */
export async function organisationsForConsent(
  db: Kysely<Database>,
  journey: JourneyDefinition,
  consent: readonly AgencyKind[],
  { chosen = {}, picked = {}, left = {} }: OrganisationChoices = {},
): Promise<TellingOrganisation[]> {
  const ids = [...Object.values(chosen), ...Object.values(picked), ...Object.values(left)].filter((id) =>
    uuid.test(id),
  );
  const rows = await directoryReader(db)({ kinds: consent, ids });
  const told: TellingOrganisation[] = [];
  const problems: { path: string; message: string }[] = [];
  const find = (kind: AgencyKind, wanted: string | undefined) =>
    rows.find((r) => r.kind === kind && (wanted === undefined ? r.fallback : r.id === wanted));
  const telling = (row: (typeof rows)[number]) => ({
    organisation: { id: row.id, name: row.name },
    fallback: row.fallback,
    ...(row.verification_minimum ? { verificationMinimum: row.verification_minimum } : {}),
  });
  const homeCouncil = rows.find((r) => r.kind === 'council' && r.id === (chosen.council ?? picked.council));
  /** The one office of `kind` serving the home council's area, when the directory has exactly one. */
  const servingHome = (kind: AgencyKind) => {
    const serving = servingCouncilArea.includes(kind)
      ? rows.filter((r) => r.kind === kind && !r.fallback && homeCouncil?.code && r.areas.includes(homeCouncil.code))
      : [];
    return serving.length === 1 ? serving[0] : undefined;
  };
  for (const kind of consent) {
    const named = chosen[kind];
    const wanted = named ?? picked[kind];
    const row =
      (wanted === undefined ? undefined : find(kind, wanted)) ??
      (named === undefined ? (servingHome(kind) ?? find(kind, undefined)) : undefined);
    if (!row) {
      if (named === undefined) throw new Error(`No fallback organisation of kind ${kind}`);
      problems.push({ path: `organisations.${kind}`, message: 'Select an organisation from the list' });
      continue;
    }
    const leftId = journey.routing[kind]?.split ? left[kind] : undefined;
    const leftRow = leftId === undefined ? undefined : find(kind, leftId);
    if (leftId !== undefined && !leftRow)
      problems.push({ path: `organisationsLeft.${kind}`, message: 'Select an organisation from the list' });
    if (leftRow && leftRow.id !== row.id)
      told.push(
        { agency: kind, role: 'leaving', ...telling(leftRow) },
        { agency: kind, role: 'joining', ...telling(row) },
      );
    else told.push({ agency: kind, ...telling(row) });
  }
  if (problems.length > 0) throw new ValidationError('An organisation chosen is not in the directory.', problems);
  return told;
}
