import type { FileColumnLabels } from '../../channels/file/agency-file.js';

// The one way this kind differs from the others: the words of its scheduled files' fixed columns.

/** Its scheduled files' fixed columns. DWP speaks of changes of circumstances and dates of notification. */
export const jobcentreFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Change of circumstances',
  submittedAt: 'Date of notification',
  channel: 'Notified by',
};
