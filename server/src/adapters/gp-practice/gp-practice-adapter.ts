import type { FileColumnLabels } from '../../channels/file/agency-file.js';
import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/** Its scheduled files' fixed columns. Practices' registration teams work from a list of events to record. */
export const gpPracticeFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Event',
  submittedAt: 'Date notified',
  channel: 'Notified by',
};

/**
 * The NHS: GP registration and records (for example, removing someone who has died from the GP list, or registering a new baby). Usually reads its inbox through the agency portal.
 */
export function createGpPracticeAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('gp-practice', settings, gpPracticeFileColumns);
}
