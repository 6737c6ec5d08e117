import type { AgencyKind } from '@tuo/shared';

/**
 * Whose notifications a caller may read and move on: one organisation of one kind. An API key, an
 * agency portal account and a rotated webhook secret each belong to one; nothing else is visible.
 */
export interface OrganisationScope {
  readonly id: string;
  readonly kind: AgencyKind;
}
