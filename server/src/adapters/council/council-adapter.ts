import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/**
 * The council: council tax, electoral register, housing benefit and council tax reduction, blue badges, bus passes, libraries and social care. Its revenues and benefits team usually takes a webhook into its case system.
 */
export function createCouncilAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('council', settings);
}
