import type { FileColumnLabels } from '../../channels/file/agency-file.js';

// The one way this kind differs from the others: the words of its scheduled files' fixed columns.

/** Its scheduled files' fixed columns. Housing management systems take tenancy events. */
export const housingProviderFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Tenancy event',
  submittedAt: 'Date reported',
  channel: 'Reported by',
};
