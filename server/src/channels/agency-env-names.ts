import { agencyKinds, type AgencyKind } from '@tuo/shared';

/** An id as it appears in a variable name: upper case, hyphens as underscores (`gp-practice` → `GP_PRACTICE`). */
export type EnvId<K extends string> = K extends `${infer A}-${infer B}` ? `${Uppercase<A>}_${EnvId<B>}` : Uppercase<K>;

/** `AGENCY_<ID>_<suffix>` for one agency. */
export type AgencyEnvName<S extends string, K extends AgencyKind = AgencyKind> = `AGENCY_${EnvId<K>}_${S}`;

/** `AGENCY_<ID>_<suffix>` for one agency. */
export function agencyEnvName<S extends string>(agency: AgencyKind, suffix: S): AgencyEnvName<S> {
  return `AGENCY_${agency.toUpperCase().replaceAll('-', '_')}_${suffix}` as AgencyEnvName<S>;
}

/** The same setting for every agency, derived from the agency ids (so a new kind needs no new names). */
export function perAgency<S extends string, T>(suffix: S, schema: T): Record<AgencyEnvName<S>, T> {
  return Object.fromEntries(agencyKinds.map((agency) => [agencyEnvName(agency, suffix), schema])) as Record<
    AgencyEnvName<S>,
    T
  >;
}
