import { agencyKinds, type AgencyKind } from '@tuo/shared';
import type { OrganisationDefaults } from '@tuo/shared/pages/staff-page-model';
import type { Config } from '../config.js';
import { targetFor } from '../service-levels/targets.js';
import { minimumFor } from '../verification/verification-minimums.js';

/**
 * What an organisation of each kind has without a setting of its own: the kind-wide configured
 * target (`TARGET_*`, `TARGET_OVERRIDES` without a life event) and minimum (`VERIFICATION_MINIMUMS`).
 */
export function organisationDefaults(
  config: Pick<Config, 'serviceLevels' | 'verificationMinimums'>,
): Record<AgencyKind, OrganisationDefaults> {
  const of = (kind: AgencyKind): OrganisationDefaults => ({
    targets: targetFor(config.serviceLevels, kind, ''),
    verificationMinimum: minimumFor(config.verificationMinimums, kind, undefined),
  });
  return Object.fromEntries(agencyKinds.map((kind) => [kind, of(kind)])) as Record<AgencyKind, OrganisationDefaults>;
}
