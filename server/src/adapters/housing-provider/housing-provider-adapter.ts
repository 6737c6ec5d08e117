import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/**
 * Social housing: the council's landlord service or a housing association, for tenancies that end, start or change.
 */
export function createHousingProviderAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('housing-provider', settings);
}
