import type { FileColumnLabels } from '../../channels/file/agency-file.js';

// The one way this kind differs from the others: the words of its scheduled files' fixed columns.

/** Its scheduled files' fixed columns. Revenues and benefits and electoral registration systems import files with their own column names. */
export const councilFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Change of circumstances',
  submittedAt: 'Date reported',
  channel: 'Reported by',
};
