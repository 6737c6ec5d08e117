import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/**
 * Jobcentre Plus: Universal Credit and other benefits that change with a death, a birth, a move or new work.
 */
export function createJobcentreAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('jobcentre', settings);
}
