import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/**
 * The NHS: GP registration and records (for example, removing someone who has died from the GP list, or registering a new baby). Usually reads its inbox through the agency portal.
 */
export function createGpPracticeAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('gp-practice', settings);
}
