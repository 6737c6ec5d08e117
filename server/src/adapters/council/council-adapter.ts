import type { FileColumnLabels } from '../../channels/file/agency-file.js';
import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/** Its scheduled files' fixed columns. Revenues and benefits and electoral registration systems import files with their own column names. */
export const councilFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Change of circumstances',
  submittedAt: 'Date reported',
  channel: 'Reported by',
};

/**
 * The council: council tax, electoral register, housing benefit and council tax reduction, blue badges, bus passes, libraries and social care. Its revenues and benefits team usually takes a webhook into its case system.
 */
export function createCouncilAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('council', settings, councilFileColumns);
}
