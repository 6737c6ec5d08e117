import type { FileColumnLabels } from '../../channels/file/agency-file.js';

// The one way this kind differs from the others: the words of its scheduled files' fixed columns.

/** Its scheduled files' fixed columns. Practices' registration teams work from a list of events to record. */
export const gpPracticeFileColumns: FileColumnLabels = {
  notification: 'Notification ID',
  reference: 'Tell Us Once reference',
  lifeEvent: 'Event',
  submittedAt: 'Date notified',
  channel: 'Notified by',
};
