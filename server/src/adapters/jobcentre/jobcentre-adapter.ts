import type { FileColumnLabels } from '../../channels/file/agency-file.js';
import type { AgencyAdapter, AgencyAdapterSettings } from '../agency-adapter.js';
import { createRoutedAdapter } from '../routed-adapter.js';

/** Its scheduled files' fixed columns. DWP speaks of changes of circumstances and dates of notification. */
export const jobcentreFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Change of circumstances',
  submittedAt: 'Date of notification',
  channel: 'Notified by',
};

/**
 * Jobcentre Plus: Universal Credit and other benefits that change with a death, a birth, a move or new work.
 */
export function createJobcentreAdapter(settings: AgencyAdapterSettings): AgencyAdapter {
  return createRoutedAdapter('jobcentre', settings, jobcentreFileColumns);
}
